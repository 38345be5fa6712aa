-- The default reception duty rules (DOMAIN.md section 6; src/domain/reception/duty-rules-data.ts holds the same).
-- A change of law is a new version with its own effective date: admins add rows, never edit these.
INSERT INTO "reception_duty_rules" ("position_kind", "times", "per", "legal_basis", "effective_from", "confirmed") VALUES
  ('province_pc_chair', 1, 'month', 'Luật Tiếp công dân số 42/2013/QH13, Điều 18; Luật số 136/2025/QH15', '2025-07-01', true),
  ('commune_pc_chair', 1, 'week', 'Luật Tiếp công dân số 42/2013/QH13, Điều 15', '2025-07-01', true),
  ('commune_pc_chair', 2, 'month', 'Luật số 136/2025/QH15 sửa đổi Luật Tiếp công dân (từ 01/7/2026)', '2026-07-01', true),
  ('province_party_secretary', 1, 'month', 'Quy định 11-QĐi/TW ngày 18/02/2019, sửa đổi theo Kết luận 215-KL/TW (2025)', '2025-07-01', true),
  ('commune_party_secretary', 2, 'month', 'Quy định 11-QĐi/TW ngày 18/02/2019, sửa đổi theo Kết luận 215-KL/TW (2025)', '2025-07-01', true),
  ('agency_head', 1, 'month', 'Luật Tiếp công dân số 42/2013/QH13, Điều 18; Nghị định 154/2026/NĐ-CP (bản chưa chính thức, cần xác nhận)', '2025-07-01', false),
  ('public_service_head', 1, 'month', 'Nghị định 154/2026/NĐ-CP (bản chưa chính thức, cần xác nhận)', '2025-07-01', false)
ON CONFLICT ("position_kind", "effective_from") DO NOTHING;
