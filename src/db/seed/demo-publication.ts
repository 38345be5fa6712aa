import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cases, units } from "@/db/schema";
import { publishAnswers } from "@/server/publication/publish-answers";

/**
 * The answers an official would write to the demo cases, by the case's title. `{unit}` is the answering unit.
 * Plain, polite, and concrete about what was done and by when, as a citizen needs to read it.
 */
const DEMO_ANSWERS: Record<string, string> = {
  "Đường liên thôn bị sạt lở sau mưa lớn": `Kính gửi ông/bà,

{unit} đã cử cán bộ kiểm tra hiện trường ngay sau khi nhận phản ánh. Đoạn sạt lở dài khoảng 180 m, taluy dương bị trôi đất đá xuống mặt đường, chưa ảnh hưởng đến nền đường.

Đơn vị đã cắm biển cảnh báo và dây phản quang ở hai đầu đoạn sạt lở, bố trí lực lượng dân quân hướng dẫn học sinh đi lại vào giờ đến trường. Việc dọn đất đá và gia cố taluy bằng rọ đá được giao cho đơn vị quản lý đường, hoàn thành trước ngày 30 của tháng tới.

Xin cảm ơn ông/bà đã kịp thời phản ánh.`,
  "Cơ sở chế biến mì xả nước thải ra suối": `Kính gửi ông/bà,

Ngày nhận phản ánh, {unit} phối hợp với Phòng Nông nghiệp và Môi trường kiểm tra đột xuất cơ sở chế biến tinh bột sắn vào ban đêm và lấy mẫu nước thải. Kết quả phân tích cho thấy chỉ tiêu COD và amoni vượt quy chuẩn cho phép.

Cơ sở đã bị lập biên bản, xử phạt vi phạm hành chính và buộc dừng xả thải cho đến khi sửa xong hệ thống hồ lắng. Đơn vị sẽ kiểm tra lại trước khi cho hoạt động trở lại và thông báo kết quả tại nhà văn hóa thôn.`,
  "Đề nghị xây thêm phòng học cho điểm trường thôn": `Kính gửi ông/bà,

{unit} ghi nhận kiến nghị chính đáng của bà con. Điểm trường thôn đã được đưa vào danh mục đầu tư xây dựng 2 phòng học kiên cố và 1 phòng chức năng trong kế hoạch đầu tư công năm tới, từ nguồn Chương trình mục tiêu quốc gia.

Trong thời gian chờ xây dựng, nhà trường bố trí thêm 1 phòng học tạm tại nhà văn hóa thôn để tách lớp mẫu giáo và lớp 1 ngay từ đầu năm học mới.`,
  "Khiếu nại mức bồi thường giải phóng mặt bằng": `Kính gửi ông/bà,

{unit} đã thụ lý (nhận để giải quyết) khiếu nại, tổ chức đối thoại với gia đình và kiểm tra lại biên bản kiểm đếm. Đơn giá cây cà phê áp dụng đúng bảng giá của tỉnh, nhưng số cây kiểm đếm ban đầu thiếu 46 cây so với thực tế.

Đơn vị quyết định điều chỉnh phương án bồi thường, bổ sung giá trị 46 cây còn thiếu và khoản hỗ trợ chuyển đổi nghề. Nếu không đồng ý với quyết định giải quyết này, ông/bà có quyền khiếu nại lần hai đến Chủ tịch UBND tỉnh hoặc khởi kiện tại Tòa án trong thời hạn luật định.`,
  "Góp ý về việc công khai kết quả tiếp xúc cử tri": `Kính gửi ông/bà,

{unit} cảm ơn góp ý của ông/bà. Từ quý tới, kết quả trả lời ý kiến cử tri sau mỗi buổi tiếp xúc sẽ được niêm yết tại nhà văn hóa các thôn, tổ dân phố trong 30 ngày và đăng trên trang thông tin điện tử của địa phương, đồng thời công khai trên nền tảng Đối thoại này.`,
  "Đề nghị rút ngắn thời gian cấp giấy phép xây dựng": `Kính gửi ông/bà,

{unit} đã rà soát hồ sơ của ông/bà. Việc yêu cầu bổ sung nhiều lần là chưa đúng quy định: cán bộ tiếp nhận phải hướng dẫn một lần, đầy đủ bằng văn bản. Đơn vị đã nhắc nhở cán bộ liên quan.

Hồ sơ của ông/bà đủ điều kiện và giấy phép xây dựng đã được cấp; ông/bà có thể nhận tại Bộ phận một cửa hoặc qua dịch vụ bưu chính công ích.`,
  "Tụ tập đua xe trái phép vào ban đêm": `Kính gửi ông/bà,

{unit} đã chỉ đạo công an địa phương lập chốt và tổ chức tuần tra vào tối thứ Sáu, thứ Bảy và Chủ nhật trên tuyến đường ven biển. Qua 3 đợt tuần tra, lực lượng chức năng đã tạm giữ 7 xe mô tô và mời 12 thanh niên cùng gia đình lên làm việc.

Việc tuần tra được duy trì trong các tháng tới. Khi thấy tụ tập đua xe, bà con gọi ngay công an địa phương hoặc số 113.`,
  "Trạm y tế xã thiếu thuốc thiết yếu": `Kính gửi ông/bà,

{unit} đã làm việc với Trung tâm Y tế khu vực. Việc thiếu thuốc hạ sốt và thuốc điều trị tăng huyết áp là do chậm giao thuốc theo kết quả đấu thầu. Trung tâm đã điều chuyển thuốc từ kho dự phòng, trạm y tế xã đã có đủ thuốc từ tuần này.

Người bệnh tăng huyết áp đang điều trị ngoại trú được cấp thuốc 30 ngày một lần tại trạm, không phải đi xa.`,
  "Đề nghị xét hỗ trợ hộ cận nghèo": `Kính gửi ông/bà,

{unit} đã chỉ đạo Ban chỉ đạo giảm nghèo rà soát lại hoàn cảnh gia đình theo chuẩn cận nghèo hiện hành. Kết quả rà soát cho thấy gia đình đủ điều kiện; hồ sơ đã được niêm yết công khai tại thôn và không có ý kiến phản đối.

Gia đình được công nhận hộ cận nghèo từ tháng này và được cấp thẻ bảo hiểm y tế theo chế độ. Người khuyết tật trong gia đình được hướng dẫn làm hồ sơ hưởng trợ cấp xã hội hằng tháng.`,
  "Chợ tạm lấn chiếm lòng đường": `Kính gửi ông/bà,

{unit} đã tổ chức ra quân lập lại trật tự tại khu vực chợ tạm, kẻ vạch giới hạn bày hàng và bố trí lại 35 điểm kinh doanh vào bên trong khuôn viên chợ. Tổ trật tự đô thị kiểm tra hằng ngày từ 5 giờ đến 9 giờ sáng.

Các hộ tái phạm sẽ bị xử phạt theo quy định về trật tự an toàn giao thông.`,
  "Đề nghị lắp đèn chiếu sáng đường thôn": `Kính gửi ông/bà,

{unit} thống nhất với kiến nghị. Tuyến đường từ thôn ra trung tâm xã được lắp 40 bộ đèn năng lượng mặt trời từ nguồn vốn xây dựng nông thôn mới, dự kiến hoàn thành trong quý tới. Bà con trong thôn đã đăng ký tham gia ngày công phát quang hai bên đường.`,
  "Lấn chiếm đất hành lang kênh mương": `Kính gửi ông/bà,

{unit} đã kiểm tra, xác định 5 hộ dựng lều và trồng cây trong hành lang bảo vệ kênh tưới. Các hộ đã được vận động tự tháo dỡ; 4 hộ đã thực hiện, 1 hộ bị lập biên bản và buộc khôi phục hiện trạng trong 15 ngày. Kênh đã được nạo vét trước mùa khô.`,
};

/**
 * Demo: published questions and answers ("Công khai"). Every answered or closed demo case whose title has an answer
 * above gets that answer and, where the filer could consent (not a denunciation), consent to publish and a public
 * answer; then the publisher writes the redacted rows, as the answer's own transaction would have.
 */
export async function seedPublication(tx: Tx, now: Date): Promise<void> {
  const answered = await tx
    .select({ id: cases.id, title: cases.title, unitName: units.name })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(and(inArray(cases.status, ["answered", "closed"]), ne(cases.kind, "denunciation"), inArray(cases.title, Object.keys(DEMO_ANSWERS))));
  for (const c of answered) {
    const answer = DEMO_ANSWERS[c.title]!.replaceAll("{unit}", c.unitName);
    await tx.update(cases).set({ answer, consentPublish: true, answerPublic: true }).where(eq(cases.id, c.id));
  }
  await publishAnswers(tx, { now });
}
