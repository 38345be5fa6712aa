// Sample feedback for the demo. Names and facts are invented.
import type { CaseKind } from "@/domain/types";

export type DemoCaseText = { kind: CaseKind; category: string; title: string; body: string };

export const DEMO_CASE_TEXTS: DemoCaseText[] = [
  { kind: "report", category: "infrastructure", title: "Đường liên thôn bị sạt lở sau mưa lớn", body: "Đoạn đường liên thôn dài khoảng 200 m bị sạt lở một bên taluy sau đợt mưa lớn tuần trước, xe máy đi lại rất nguy hiểm, nhất là học sinh đi học buổi sáng. Đề nghị chính quyền sớm khắc phục và cắm biển cảnh báo." },
  { kind: "report", category: "environment", title: "Cơ sở chế biến mì xả nước thải ra suối", body: "Từ đầu tháng, cơ sở chế biến tinh bột sắn gần suối thường xả nước thải có mùi hôi vào ban đêm. Cá chết nhiều, bà con không dùng được nước suối để tưới cà phê. Đề nghị kiểm tra và xử lý." },
  { kind: "petition", category: "education", title: "Đề nghị xây thêm phòng học cho điểm trường thôn", body: "Điểm trường của thôn hiện chỉ có 2 phòng học tạm, các cháu mẫu giáo và lớp 1 phải học chung. Kính đề nghị tỉnh xem xét đầu tư xây thêm phòng học kiên cố trước năm học mới." },
  { kind: "complaint", category: "land", title: "Khiếu nại quyết định thu hồi đất nông nghiệp", body: "Gia đình tôi nhận quyết định thu hồi 1.200 m² đất trồng cà phê nhưng diện tích đo đạc không đúng với giấy chứng nhận quyền sử dụng đất. Tôi khiếu nại quyết định này và đề nghị đo đạc lại có mặt gia đình." },
  { kind: "complaint", category: "site_clearance", title: "Khiếu nại mức bồi thường giải phóng mặt bằng", body: "Đơn giá bồi thường cây trồng trên đất bị thu hồi để làm đường thấp hơn nhiều so với giá thị trường và so với hộ liền kề. Tôi đề nghị xem xét lại phương án bồi thường, hỗ trợ cho gia đình." },
  { kind: "denunciation", category: "official_conduct", title: "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục", body: "Khi làm thủ tục tách thửa, cán bộ địa chính yêu cầu nộp thêm tiền ngoài lệ phí và không viết biên lai. Tôi có giữ tin nhắn và ghi âm làm bằng chứng." },
  { kind: "contribution", category: "party_building", title: "Góp ý về việc công khai kết quả tiếp xúc cử tri", body: "Tôi đề nghị sau mỗi buổi tiếp xúc cử tri, kết quả trả lời các ý kiến được niêm yết ở nhà văn hóa thôn và đăng trên trang thông tin của xã để bà con cùng theo dõi." },
  { kind: "petition", category: "admin_procedures", title: "Đề nghị rút ngắn thời gian cấp giấy phép xây dựng", body: "Hồ sơ xin phép xây nhà ở của tôi đã nộp hơn 30 ngày nhưng chưa có kết quả, mỗi lần hỏi lại được yêu cầu bổ sung một giấy tờ khác nhau. Đề nghị hướng dẫn một lần đầy đủ." },
  { kind: "report", category: "security", title: "Tụ tập đua xe trái phép vào ban đêm", body: "Nhiều đêm cuối tuần có nhóm thanh niên tụ tập đua xe, nẹt pô trên tuyến đường ven biển từ 23 giờ đến 2 giờ sáng, gây mất an ninh trật tự và nguy hiểm cho người đi đường." },
  { kind: "report", category: "health", title: "Trạm y tế xã thiếu thuốc thiết yếu", body: "Trạm y tế xã thường xuyên hết thuốc hạ sốt và thuốc cho người bệnh huyết áp, bà con phải đi xa mua thuốc. Đề nghị bảo đảm cung ứng thuốc bảo hiểm y tế đầy đủ." },
  { kind: "petition", category: "social_policy", title: "Đề nghị xét hỗ trợ hộ cận nghèo", body: "Gia đình tôi có người khuyết tật và thu nhập thấp nhưng chưa được xét hộ cận nghèo năm nay. Kính đề nghị xã rà soát lại danh sách." },
  { kind: "contribution", category: "party_building", title: "Góp ý dự thảo văn kiện Đại hội Đảng bộ", body: "Tôi góp ý nên bổ sung chỉ tiêu về tỷ lệ hồ sơ phản ánh của người dân được giải quyết đúng hạn vào các chỉ tiêu chủ yếu của nhiệm kỳ." },
  { kind: "report", category: "business", title: "Chợ tạm lấn chiếm lòng đường", body: "Các hộ kinh doanh ở chợ tạm bày hàng lấn chiếm gần hết lòng đường vào buổi sáng, gây ùn tắc và mất an toàn giao thông." },
  { kind: "petition", category: "infrastructure", title: "Đề nghị lắp đèn chiếu sáng đường thôn", body: "Tuyến đường từ thôn ra trung tâm xã dài 2 km chưa có đèn chiếu sáng, buổi tối đi lại khó khăn. Đề nghị lắp đèn năng lượng mặt trời." },
  { kind: "report", category: "land", title: "Lấn chiếm đất hành lang kênh mương", body: "Một số hộ dựng lều, trồng cây lấn chiếm hành lang kênh tưới, làm tắc dòng chảy vào mùa khô. Đề nghị kiểm tra, xử lý." },
  { kind: "complaint", category: "admin_procedures", title: "Khiếu nại việc từ chối cấp giấy chứng nhận", body: "Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất đầy đủ nhưng bị từ chối mà không nêu rõ lý do bằng văn bản. Tôi khiếu nại việc từ chối này." },
];

export const DEMO_FILER_NAMES = [
  "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Rơ Châm H'Lan", "Siu Đức", "Đinh Văn Hùng",
  "Võ Thị Lan", "Ksor Nhơn", "Huỳnh Minh Tâm", "Bùi Thị Thu", "Rah Lan Mai",
];

/**
 * The invented filer of the i-th demo case (the citizen demo account's email replaces every fifth one). Pure, so
 * that tests can look for these identities in every public output and be sure none appears.
 */
export function demoFiler(i: number, areaName: string, kind: CaseKind): { name: string; phone: string; email: string; address: string; idNumber?: string } {
  return {
    name: DEMO_FILER_NAMES[i % DEMO_FILER_NAMES.length]!,
    phone: `09${String(10_000_000 + i * 7919).slice(0, 8)}`,
    email: `nguoidan${i}@example.com`,
    address: `Thôn ${1 + (i % 9)}, ${areaName}, tỉnh Gia Lai`,
    // Complaints and denunciations need a verified identity: a 12-digit citizen ID (CCCD), invented.
    ...(kind === "complaint" || kind === "denunciation" ? { idNumber: `0641${String(90_000_000 + i * 104_729).slice(0, 8)}` } : {}),
  };
}
