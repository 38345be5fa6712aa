-- The legal bases shown to citizens name each law by its number, and no longer carry the unconfirmed
-- Decision 574/QĐ-TTg note. Only rows still holding the old wording change (demo policies seeded earlier).
UPDATE "deadline_policies" SET "legal_basis" = 'Luật Khiếu nại số 02/2011/QH13, Điều 27, 28; Thông tư 07/2013/TT-TTCP' WHERE "legal_basis" = 'Luật Khiếu nại 2011, Điều 27-28; Thông tư 07/2013/TT-TTCP';--> statement-breakpoint
UPDATE "deadline_policies" SET "legal_basis" = 'Luật Khiếu nại số 02/2011/QH13, Điều 36, 37; Thông tư 07/2013/TT-TTCP' WHERE "legal_basis" = 'Luật Khiếu nại 2011, Điều 36-37; Thông tư 07/2013/TT-TTCP';--> statement-breakpoint
UPDATE "deadline_policies" SET "legal_basis" = 'Luật Tố cáo số 25/2018/QH14, Điều 24, 30; Nghị định 31/2019/NĐ-CP' WHERE "legal_basis" = 'Luật Tố cáo 2018, Điều 24, 30; Nghị định 31/2019/NĐ-CP';--> statement-breakpoint
UPDATE "deadline_policies" SET "legal_basis" = 'Nghị định 20/2008/NĐ-CP, Điều 9' WHERE "legal_basis" = 'Nghị định 20/2008/NĐ-CP, Điều 9; Quyết định 574/QĐ-TTg (cần kiểm tra)';--> statement-breakpoint
UPDATE "deadline_policies" SET "legal_basis" = 'Luật Tiếp công dân số 42/2013/QH13, Điều 28' WHERE "legal_basis" = 'Luật Tiếp công dân 2013, Điều 28';
