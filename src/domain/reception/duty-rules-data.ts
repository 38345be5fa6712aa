// The default reception duty rules (DOMAIN.md section 6). Data with a legal basis and dates: an admin adds a new
// version when the law changes. Migration 0015 installs the same rows; keep the two equal (a test compares them).
import type { DutyRule } from "./duty";

export const DEFAULT_DUTY_RULES: readonly DutyRule[] = [
  {
    id: "province_pc_chair-2025",
    positionKind: "province_pc_chair",
    times: 1,
    per: "month",
    legalBasis: "Luật Tiếp công dân số 42/2013/QH13, Điều 18; Luật số 136/2025/QH15",
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    confirmed: true,
  },
  {
    id: "commune_pc_chair-2025",
    positionKind: "commune_pc_chair",
    times: 1,
    per: "week",
    legalBasis: "Luật Tiếp công dân số 42/2013/QH13, Điều 15",
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    confirmed: true,
  },
  {
    id: "commune_pc_chair-2026",
    positionKind: "commune_pc_chair",
    times: 2,
    per: "month",
    legalBasis: "Luật số 136/2025/QH15 sửa đổi Luật Tiếp công dân (từ 01/7/2026)",
    effectiveFrom: "2026-07-01",
    effectiveTo: null,
    confirmed: true,
  },
  {
    id: "province_party_secretary-2025",
    positionKind: "province_party_secretary",
    times: 1,
    per: "month",
    legalBasis: "Quy định 11-QĐi/TW ngày 18/02/2019, sửa đổi theo Kết luận 215-KL/TW (2025)",
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    confirmed: true,
  },
  {
    id: "commune_party_secretary-2025",
    positionKind: "commune_party_secretary",
    times: 2,
    per: "month",
    legalBasis: "Quy định 11-QĐi/TW ngày 18/02/2019, sửa đổi theo Kết luận 215-KL/TW (2025)",
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    confirmed: true,
  },
  {
    id: "agency_head-2025",
    positionKind: "agency_head",
    times: 1,
    per: "month",
    legalBasis: "Luật Tiếp công dân số 42/2013/QH13, Điều 18; Nghị định 154/2026/NĐ-CP (bản chưa chính thức, cần xác nhận)",
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    confirmed: false,
  },
  {
    id: "public_service_head-2025",
    positionKind: "public_service_head",
    times: 1,
    per: "month",
    legalBasis: "Nghị định 154/2026/NĐ-CP (bản chưa chính thức, cần xác nhận)",
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    confirmed: false,
  },
];

/** Gia Lai's joint reception day: the 15th of each month, moved to the next working day when it is a day off. */
export const GIA_LAI_FIXED_DAY = 15;
/** Default days for a head with two reception days a month, when the office has not set them. */
export const DEFAULT_TWO_DAYS_OF_MONTH = [5, 20] as const;
