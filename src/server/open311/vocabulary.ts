import "server-only";
import type { Open311Kind } from "@/domain/open311/services";

/**
 * The API speaks the site's first language: service names, notes and notices in Vietnamese (error descriptions
 * are in English, as the standard's examples and most clients expect).
 */
export const KIND_NAMES: Record<Open311Kind, string> = { petition: "Kiến nghị", report: "Phản ánh", contribution: "Góp ý" };

export const KIND_DESCRIPTIONS: Record<Open311Kind, string> = {
  petition: "Đề nghị cơ quan nhà nước thay đổi một việc, hoặc làm một việc cụ thể. Cần họ tên và số điện thoại hoặc email để nhận trả lời.",
  report: "Báo cho cơ quan nhà nước biết một vấn đề, một việc chưa đúng (đường hỏng, ô nhiễm, thủ tục chậm…). Cần họ tên và số điện thoại hoặc email để nhận trả lời.",
  contribution: "Góp ý xây dựng Đảng, chính quyền. Có thể gửi không cần ghi tên.",
};

export const STATUS_NOTES: Record<string, string> = {
  received: "Đã tiếp nhận, đang chờ cơ quan xem xét thụ lý (nhận giải quyết).",
  accepted: "Cơ quan đã thụ lý (nhận giải quyết) và đang giải quyết.",
  info_requested: "Cơ quan đề nghị người gửi bổ sung thông tin.",
  not_accepted: "Cơ quan không thụ lý (không nhận giải quyết) và đã nêu lý do cho người gửi.",
  answered: "Cơ quan đã trả lời.",
  closed: "Đã trả lời và kết thúc.",
  withdrawn: "Người gửi đã rút lại.",
};
