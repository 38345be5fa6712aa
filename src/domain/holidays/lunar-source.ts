// Vietnam's public holidays from date-holidays, which computes the Vietnamese lunar calendar (UTC+7), not
// China's: Tết and Hùng Kings' day (10/3 lunar) fall on Vietnam's dates even in the years the two differ.
import Holidays from "date-holidays";
import type { LibraryHoliday } from "./prefill";

export function vietnamPublicHolidays(year: number): LibraryHoliday[] {
  const hd = new Holidays("VN", { languages: ["vi"], types: ["public"] });
  return hd.getHolidays(year, "vi").map((h) => ({ date: h.date, type: h.type, name: h.name }));
}
