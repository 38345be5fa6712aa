import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import emailEn from "../../messages/email/en.json";
import emailVi from "../../messages/email/vi.json";
import vi from "../../messages/vi.json";
import httpEn from "../../messages/http/en.json";
import httpVi from "../../messages/http/vi.json";
import filerEn from "../../messages/filer/en.json";
import filerVi from "../../messages/filer/vi.json";
import intakeEn from "../../messages/intake/en.json";
import intakeVi from "../../messages/intake/vi.json";
import trackEn from "../../messages/track/en.json";
import trackVi from "../../messages/track/vi.json";
import workspaceEn from "../../messages/workspace/en.json";
import workspaceVi from "../../messages/workspace/vi.json";
import dialogueEn from "../../messages/dialogue/en.json";
import dialogueVi from "../../messages/dialogue/vi.json";
import questionsEn from "../../messages/questions/en.json";
import questionsVi from "../../messages/questions/vi.json";
import liveEn from "../../messages/live/en.json";
import liveVi from "../../messages/live/vi.json";
import commitmentsEn from "../../messages/commitments/en.json";
import commitmentsVi from "../../messages/commitments/vi.json";
import outcomesEn from "../../messages/outcomes/en.json";
import outcomesVi from "../../messages/outcomes/vi.json";
import receptionEn from "../../messages/reception/en.json";
import receptionVi from "../../messages/reception/vi.json";
import bookingEn from "../../messages/booking/en.json";
import bookingVi from "../../messages/booking/vi.json";
import receptionRecordEn from "../../messages/receptionRecord/en.json";
import receptionRecordVi from "../../messages/receptionRecord/vi.json";
import dutyEn from "../../messages/duty/en.json";
import dutyVi from "../../messages/duty/vi.json";
import briefingEn from "../../messages/briefing/en.json";
import briefingVi from "../../messages/briefing/vi.json";
import statisticsEn from "../../messages/statistics/en.json";
import statisticsVi from "../../messages/statistics/vi.json";
import recordsEn from "../../messages/records/en.json";
import recordsVi from "../../messages/records/vi.json";
import publicationEn from "../../messages/publication/en.json";
import publicationVi from "../../messages/publication/vi.json";
import reportEn from "../../messages/report/en.json";
import reportVi from "../../messages/report/vi.json";
import openDataEn from "../../messages/openData/en.json";
import openDataVi from "../../messages/openData/vi.json";
import open311En from "../../messages/open311/en.json";
import open311Vi from "../../messages/open311/vi.json";
import holidaysEn from "../../messages/holidays/en.json";
import holidaysVi from "../../messages/holidays/vi.json";
import peopleEn from "../../messages/people/en.json";
import peopleVi from "../../messages/people/vi.json";
import organisationEn from "../../messages/organisation/en.json";
import organisationVi from "../../messages/organisation/vi.json";
import orgImportEn from "../../messages/orgImport/en.json";
import orgImportVi from "../../messages/orgImport/vi.json";
import reorganisationEn from "../../messages/reorganisation/en.json";
import reorganisationVi from "../../messages/reorganisation/vi.json";
import routingRulesEn from "../../messages/routingRules/en.json";
import routingRulesVi from "../../messages/routingRules/vi.json";
import deadlinePoliciesEn from "../../messages/deadlinePolicies/en.json";
import deadlinePoliciesVi from "../../messages/deadlinePolicies/vi.json";
import categoriesEn from "../../messages/categories/en.json";
import categoriesVi from "../../messages/categories/vi.json";
import adminEn from "../../messages/admin/en.json";
import adminVi from "../../messages/admin/vi.json";
import type { Locale } from "./config";

// One file per feature keeps translations reviewable; tests/unit/messages.test.ts checks vi and en match.
export const MESSAGES = {
  vi: { ...vi, track: trackVi, intake: intakeVi, filer: filerVi, workspace: workspaceVi, email: emailVi, http: httpVi, dialogue: dialogueVi, questions: questionsVi, live: liveVi, commitments: commitmentsVi, outcomes: outcomesVi, reception: receptionVi, booking: bookingVi, receptionRecord: receptionRecordVi, duty: dutyVi, briefing: briefingVi, statistics: statisticsVi, records: recordsVi, publication: publicationVi, report: reportVi, openData: openDataVi, open311: open311Vi, holidays: holidaysVi, people: peopleVi, organisation: organisationVi, orgImport: orgImportVi, reorganisation: reorganisationVi, routingRules: routingRulesVi, deadlinePolicies: deadlinePoliciesVi, categories: categoriesVi, admin: adminVi },
  en: { ...en, track: trackEn, intake: intakeEn, filer: filerEn, workspace: workspaceEn, email: emailEn, http: httpEn, dialogue: dialogueEn, questions: questionsEn, live: liveEn, commitments: commitmentsEn, outcomes: outcomesEn, reception: receptionEn, booking: bookingEn, receptionRecord: receptionRecordEn, duty: dutyEn, briefing: briefingEn, statistics: statisticsEn, records: recordsEn, publication: publicationEn, report: reportEn, openData: openDataEn, open311: open311En, holidays: holidaysEn, people: peopleEn, organisation: organisationEn, orgImport: orgImportEn, reorganisation: reorganisationEn, routingRules: routingRulesEn, deadlinePolicies: deadlinePoliciesEn, categories: categoriesEn, admin: adminEn },
} as const;
export type Messages = (typeof MESSAGES)["vi"];

/** A translator for code outside a request (emails, the worker). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] as Messages });
}
