// The bundled demo sample of the new Gia Lai province (DOMAIN.md section 2). Clearly demo: codes start with "demo-".
import type { AreaKind, Role, UnitKind } from "@/domain/types";

export const DEMO_PROVINCE = { code: "demo-52", name: "Tỉnh Gia Lai", nameEn: "Gia Lai Province", kind: "province" as AreaKind };

export const DEMO_AREAS: { code: string; name: string; nameEn: string; kind: AreaKind; remote: boolean; slug: string }[] = [
  { code: "demo-21583", slug: "quynhon", name: "Phường Quy Nhơn", nameEn: "Quy Nhon Ward", kind: "ward", remote: false },
  { code: "demo-21601", slug: "quynhonnam", name: "Phường Quy Nhơn Nam", nameEn: "Quy Nhon Nam Ward", kind: "ward", remote: false },
  { code: "demo-23602", slug: "pleiku", name: "Phường Pleiku", nameEn: "Pleiku Ward", kind: "ward", remote: false },
  { code: "demo-21652", slug: "annhon", name: "Phường An Nhơn", nameEn: "An Nhon Ward", kind: "ward", remote: false },
  { code: "demo-23629", slug: "chupah", name: "Xã Chư Păh", nameEn: "Chu Pah Commune", kind: "commune", remote: false },
  { code: "demo-23737", slug: "iagrai", name: "Xã Ia Grai", nameEn: "Ia Grai Commune", kind: "commune", remote: false },
  { code: "demo-23896", slug: "kbang", name: "Xã Kbang", nameEn: "Kbang Commune", kind: "commune", remote: true },
  { code: "demo-24100", slug: "krongpa", name: "Xã Krông Pa", nameEn: "Krong Pa Commune", kind: "commune", remote: true },
  { code: "demo-23812", slug: "iapnon", name: "Xã Ia Pnôn", nameEn: "Ia Pnon Commune", kind: "commune", remote: true },
  { code: "demo-21610", slug: "nhonchau", name: "Xã Nhơn Châu", nameEn: "Nhon Chau Commune", kind: "special_zone", remote: true },
];

type DemoUnit = { code: string; name: string; nameEn: string; kind: UnitKind; parent: string | null; area: string | null };

export const DEMO_PROVINCE_UNITS: DemoUnit[] = [
  { code: "demo-tu", name: "Tỉnh ủy Gia Lai", nameEn: "Gia Lai Provincial Party Committee", kind: "party_committee", parent: null, area: "province" },
  { code: "demo-hdnd", name: "Hội đồng nhân dân tỉnh Gia Lai", nameEn: "Gia Lai Provincial People's Council", kind: "peoples_council", parent: null, area: "province" },
  { code: "demo-ubnd", name: "Ủy ban nhân dân tỉnh Gia Lai", nameEn: "Gia Lai Provincial People's Committee", kind: "peoples_committee", parent: null, area: "province" },
  { code: "demo-mttq", name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai", nameEn: "Gia Lai Provincial Fatherland Front Committee", kind: "fatherland_front", parent: null, area: "province" },
  { code: "demo-bdv", name: "Ban Dân vận Tỉnh ủy", nameEn: "Mass Mobilisation Commission of the Provincial Party Committee", kind: "party_committee", parent: "demo-tu", area: "province" },
  { code: "demo-ubkt", name: "Ủy ban Kiểm tra Tỉnh ủy", nameEn: "Inspection Commission of the Provincial Party Committee", kind: "party_committee", parent: "demo-tu", area: "province" },
  { code: "demo-btcd", name: "Ban Tiếp công dân tỉnh", nameEn: "Provincial Citizen Reception Board", kind: "reception_board", parent: "demo-ubnd", area: "province" },
  { code: "demo-ttr", name: "Thanh tra tỉnh", nameEn: "Provincial Inspectorate", kind: "inspectorate", parent: "demo-ubnd", area: "province" },
  { code: "demo-snnmt", name: "Sở Nông nghiệp và Môi trường", nameEn: "Department of Agriculture and Environment", kind: "department", parent: "demo-ubnd", area: "province" },
  { code: "demo-sxd", name: "Sở Xây dựng", nameEn: "Department of Construction", kind: "department", parent: "demo-ubnd", area: "province" },
  { code: "demo-syt", name: "Sở Y tế", nameEn: "Department of Health", kind: "department", parent: "demo-ubnd", area: "province" },
  { code: "demo-sgddt", name: "Sở Giáo dục và Đào tạo", nameEn: "Department of Education and Training", kind: "department", parent: "demo-ubnd", area: "province" },
  { code: "demo-snv", name: "Sở Nội vụ", nameEn: "Department of Home Affairs", kind: "department", parent: "demo-ubnd", area: "province" },
  { code: "demo-stc", name: "Sở Tài chính", nameEn: "Department of Finance", kind: "department", parent: "demo-ubnd", area: "province" },
  { code: "demo-ca", name: "Công an tỉnh", nameEn: "Provincial Police", kind: "department", parent: "demo-ubnd", area: "province" },
];

/** Each commune-level area has its People's Committee and Party committee. */
export function communeUnits(area: { slug: string; name: string }): DemoUnit[] {
  const place = area.name.replace(/^(Phường|Xã) /, "");
  const level = area.name.startsWith("Phường") ? { vi: "phường", en: "Ward" } : { vi: "xã", en: "Commune" };
  return [
    {
      code: `demo-ubnd-${area.slug}`,
      name: `Ủy ban nhân dân ${level.vi} ${place}`,
      nameEn: `${place} ${level.en} People's Committee`,
      kind: "peoples_committee",
      parent: "demo-ubnd",
      area: area.slug,
    },
    {
      code: `demo-du-${area.slug}`,
      name: `Đảng ủy ${level.vi} ${place}`,
      nameEn: `${place} ${level.en} Party Committee`,
      kind: "party_committee",
      parent: "demo-tu",
      area: area.slug,
    },
  ];
}

/** Fields of life, in the form's order, each with what it covers (shown to citizens under the choice). */
export const DEMO_CATEGORIES: { code: string; nameVi: string; nameEn: string; descriptionVi: string; descriptionEn: string }[] = [
  { code: "land", nameVi: "Đất đai", nameEn: "Land", descriptionVi: "Giao đất, cho thuê đất, cấp giấy chứng nhận quyền sử dụng đất, tranh chấp và lấn chiếm đất.", descriptionEn: "Land allocation and lease, land use certificates, land disputes and encroachment." },
  { code: "site_clearance", nameVi: "Giải phóng mặt bằng, bồi thường", nameEn: "Site clearance and compensation", descriptionVi: "Thu hồi đất, bồi thường, hỗ trợ, tái định cư cho các dự án.", descriptionEn: "Land recovery, compensation, support and resettlement for projects." },
  { code: "environment", nameVi: "Môi trường", nameEn: "Environment", descriptionVi: "Ô nhiễm nước, không khí, tiếng ồn, rác thải; khai thác khoáng sản, tài nguyên nước.", descriptionEn: "Water, air and noise pollution, waste; mining and water resources." },
  { code: "social_policy", nameVi: "Chính sách xã hội", nameEn: "Social policy", descriptionVi: "Người có công, bảo trợ xã hội, hộ nghèo, bảo hiểm xã hội, lao động và việc làm.", descriptionEn: "War veterans and families, social assistance, poor households, social insurance, labour and jobs." },
  { code: "admin_procedures", nameVi: "Thủ tục hành chính", nameEn: "Administrative procedures", descriptionVi: "Hồ sơ giải quyết chậm, đòi thêm giấy tờ không đúng quy định, thái độ khi tiếp nhận hồ sơ.", descriptionEn: "Late handling of applications, documents asked for without basis, conduct when receiving applications." },
  { code: "infrastructure", nameVi: "Hạ tầng, giao thông", nameEn: "Infrastructure and transport", descriptionVi: "Đường sá, cầu cống, đèn đường, thoát nước, điện, nước sạch, an toàn giao thông.", descriptionEn: "Roads, bridges and culverts, street lights, drainage, power, clean water, road safety." },
  { code: "health", nameVi: "Y tế", nameEn: "Health", descriptionVi: "Khám chữa bệnh, bảo hiểm y tế, an toàn thực phẩm, phòng chống dịch bệnh.", descriptionEn: "Medical care, health insurance, food safety, disease prevention." },
  { code: "education", nameVi: "Giáo dục", nameEn: "Education", descriptionVi: "Trường lớp, tuyển sinh, học phí và các khoản thu, chất lượng dạy và học.", descriptionEn: "Schools, enrolment, fees and charges, quality of teaching." },
  { code: "security", nameVi: "An ninh, trật tự", nameEn: "Security and order", descriptionVi: "Trật tự công cộng, trộm cắp, tệ nạn xã hội, cư trú.", descriptionEn: "Public order, theft, social evils, residence registration." },
  { code: "official_conduct", nameVi: "Đạo đức, tác phong cán bộ, đảng viên", nameEn: "Conduct of officials and Party members", descriptionVi: "Cán bộ, công chức, đảng viên gây phiền hà, sách nhiễu, thiếu trách nhiệm.", descriptionEn: "Officials, civil servants or Party members causing trouble, harassing or neglecting duties." },
  { code: "party_building", nameVi: "Xây dựng Đảng, chính quyền", nameEn: "Party and government building", descriptionVi: "Góp ý về công tác xây dựng Đảng, xây dựng chính quyền, dự thảo văn bản.", descriptionEn: "Comments on building the Party and government, and on draft documents." },
  { code: "business", nameVi: "Sản xuất, kinh doanh", nameEn: "Business", descriptionVi: "Nông nghiệp, doanh nghiệp, hộ kinh doanh, chợ, giá cả.", descriptionEn: "Farming, businesses and household businesses, markets, prices." },
  { code: "other", nameVi: "Lĩnh vực khác", nameEn: "Other", descriptionVi: "Những việc không thuộc các lĩnh vực trên.", descriptionEn: "Anything not covered by the fields above." },
];

/** (kind, category, area) -> unit; the rest falls back to the commune People's Committee, then the reception board. */
export const DEMO_ROUTING_RULES: { kind: string | null; category: string | null; area: string | null; subject?: string; unit: string; note: string }[] = [
  { kind: null, category: "environment", area: null, unit: "demo-snnmt", note: "Môi trường: Sở Nông nghiệp và Môi trường" },
  { kind: null, category: "health", area: null, unit: "demo-syt", note: "Y tế: Sở Y tế" },
  { kind: null, category: "education", area: null, unit: "demo-sgddt", note: "Giáo dục: Sở Giáo dục và Đào tạo" },
  { kind: null, category: "infrastructure", area: null, unit: "demo-sxd", note: "Hạ tầng, giao thông: Sở Xây dựng" },
  { kind: null, category: "security", area: null, unit: "demo-ca", note: "An ninh, trật tự: Công an tỉnh" },
  { kind: null, category: "social_policy", area: null, unit: "demo-snv", note: "Chính sách xã hội: Sở Nội vụ" },
  { kind: null, category: "business", area: null, unit: "demo-stc", note: "Sản xuất, kinh doanh: Sở Tài chính" },
  { kind: "denunciation", category: null, area: null, unit: "demo-ttr", note: "Tố cáo: Thanh tra tỉnh" },
  // A denunciation about a department goes to the inspectorate even in that department's own field.
  { kind: "denunciation", category: null, area: null, subject: "demo-syt", unit: "demo-ttr", note: "Tố cáo về Sở Y tế: Thanh tra tỉnh (mẫu)" },
  { kind: "contribution", category: "party_building", area: null, unit: "demo-bdv", note: "Góp ý xây dựng Đảng: Ban Dân vận Tỉnh ủy" },
  { kind: "complaint", category: "site_clearance", area: null, unit: "demo-btcd", note: "Khiếu nại bồi thường: Ban Tiếp công dân tỉnh" },
  // In the two largest wards, everyday matters stay with the ward People's Committee.
  ...["quynhon", "pleiku"].flatMap((area) =>
    ["infrastructure", "security", "business", "social_policy", "environment"].map((category) => ({
      kind: null,
      category,
      area,
      unit: `demo-ubnd-${area}`,
      note: `Việc dân sinh tại ${area === "quynhon" ? "phường Quy Nhơn" : "phường Pleiku"}: UBND phường`,
    })),
  ),
];

export const DEMO_USERS: { email: string; name: string; memberships: { unit: string; role: Role }[] }[] = [
  { email: "quantri@doithoai.example", name: "Quản trị hệ thống (mẫu)", memberships: [{ unit: "demo-ubnd", role: "admin" }] },
  { email: "lanhdao.tinh@doithoai.example", name: "Chủ tịch UBND tỉnh (mẫu)", memberships: [{ unit: "demo-ubnd", role: "leader" }] },
  { email: "tiepnhan.tinh@doithoai.example", name: "Cán bộ tiếp dân tỉnh (mẫu)", memberships: [{ unit: "demo-btcd", role: "intake" }] },
  { email: "xuly.tinh@doithoai.example", name: "Chuyên viên Ban Tiếp công dân (mẫu)", memberships: [{ unit: "demo-btcd", role: "handler" }] },
  { email: "lanhdao.btcd@doithoai.example", name: "Trưởng Ban Tiếp công dân (mẫu)", memberships: [{ unit: "demo-btcd", role: "leader" }] },
  { email: "tiepnhan.quynhon@doithoai.example", name: "Cán bộ tiếp nhận phường Quy Nhơn (mẫu)", memberships: [{ unit: "demo-ubnd-quynhon", role: "intake" }] },
  { email: "xuly.quynhon@doithoai.example", name: "Chuyên viên phường Quy Nhơn (mẫu)", memberships: [{ unit: "demo-ubnd-quynhon", role: "handler" }] },
  { email: "lanhdao.quynhon@doithoai.example", name: "Chủ tịch UBND phường Quy Nhơn (mẫu)", memberships: [{ unit: "demo-ubnd-quynhon", role: "leader" }] },
  { email: "tiepnhan.pleiku@doithoai.example", name: "Cán bộ tiếp nhận phường Pleiku (mẫu)", memberships: [{ unit: "demo-ubnd-pleiku", role: "intake" }] },
  { email: "xuly.pleiku@doithoai.example", name: "Chuyên viên phường Pleiku (mẫu)", memberships: [{ unit: "demo-ubnd-pleiku", role: "handler" }] },
  { email: "lanhdao.pleiku@doithoai.example", name: "Chủ tịch UBND phường Pleiku (mẫu)", memberships: [{ unit: "demo-ubnd-pleiku", role: "leader" }] },
  { email: "xuly.nnmt@doithoai.example", name: "Chuyên viên Sở NN&MT (mẫu)", memberships: [{ unit: "demo-snnmt", role: "handler" }, { unit: "demo-snnmt", role: "intake" }] },
  { email: "lanhdao.nnmt@doithoai.example", name: "Giám đốc Sở NN&MT (mẫu)", memberships: [{ unit: "demo-snnmt", role: "leader" }] },
  { email: "xuly.thanhtra@doithoai.example", name: "Thanh tra viên (mẫu)", memberships: [{ unit: "demo-ttr", role: "handler" }, { unit: "demo-ttr", role: "intake" }] },
  { email: "lanhdao.thanhtra@doithoai.example", name: "Chánh Thanh tra tỉnh (mẫu)", memberships: [{ unit: "demo-ttr", role: "leader" }] },
  // Every unit the demo routing rules send cases to has someone to receive, handle and sign them.
  { email: "canbo.sxd@doithoai.example", name: "Cán bộ Sở Xây dựng (mẫu)", memberships: [{ unit: "demo-sxd", role: "intake" }, { unit: "demo-sxd", role: "handler" }] },
  { email: "lanhdao.sxd@doithoai.example", name: "Lãnh đạo Sở Xây dựng (mẫu)", memberships: [{ unit: "demo-sxd", role: "leader" }] },
  { email: "canbo.sgddt@doithoai.example", name: "Cán bộ Sở Giáo dục và Đào tạo (mẫu)", memberships: [{ unit: "demo-sgddt", role: "intake" }, { unit: "demo-sgddt", role: "handler" }] },
  { email: "lanhdao.sgddt@doithoai.example", name: "Lãnh đạo Sở Giáo dục và Đào tạo (mẫu)", memberships: [{ unit: "demo-sgddt", role: "leader" }] },
  { email: "canbo.syt@doithoai.example", name: "Cán bộ Sở Y tế (mẫu)", memberships: [{ unit: "demo-syt", role: "intake" }, { unit: "demo-syt", role: "handler" }] },
  { email: "lanhdao.syt@doithoai.example", name: "Lãnh đạo Sở Y tế (mẫu)", memberships: [{ unit: "demo-syt", role: "leader" }] },
  { email: "canbo.snv@doithoai.example", name: "Cán bộ Sở Nội vụ (mẫu)", memberships: [{ unit: "demo-snv", role: "intake" }, { unit: "demo-snv", role: "handler" }] },
  { email: "lanhdao.snv@doithoai.example", name: "Lãnh đạo Sở Nội vụ (mẫu)", memberships: [{ unit: "demo-snv", role: "leader" }] },
  { email: "canbo.stc@doithoai.example", name: "Cán bộ Sở Tài chính (mẫu)", memberships: [{ unit: "demo-stc", role: "intake" }, { unit: "demo-stc", role: "handler" }] },
  { email: "lanhdao.stc@doithoai.example", name: "Lãnh đạo Sở Tài chính (mẫu)", memberships: [{ unit: "demo-stc", role: "leader" }] },
  { email: "canbo.ca@doithoai.example", name: "Cán bộ Công an tỉnh (mẫu)", memberships: [{ unit: "demo-ca", role: "intake" }, { unit: "demo-ca", role: "handler" }] },
  { email: "lanhdao.ca@doithoai.example", name: "Lãnh đạo Công an tỉnh (mẫu)", memberships: [{ unit: "demo-ca", role: "leader" }] },
  { email: "canbo.bdv@doithoai.example", name: "Cán bộ Ban Dân vận Tỉnh ủy (mẫu)", memberships: [{ unit: "demo-bdv", role: "intake" }, { unit: "demo-bdv", role: "handler" }] },
  { email: "lanhdao.bdv@doithoai.example", name: "Lãnh đạo Ban Dân vận Tỉnh ủy (mẫu)", memberships: [{ unit: "demo-bdv", role: "leader" }] },
  { email: "giamsat.mttq@doithoai.example", name: "Ủy viên MTTQ tỉnh (mẫu)", memberships: [{ unit: "demo-ubnd", role: "overseer" }] },
  { email: "giamsat.bdv@doithoai.example", name: "Ban Dân vận Tỉnh ủy (mẫu)", memberships: [{ unit: "demo-tu", role: "overseer" }] },
  { email: "congdan@doithoai.example", name: "Nguyễn Văn An (mẫu)", memberships: [] },
];
