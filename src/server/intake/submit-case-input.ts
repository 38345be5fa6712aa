import { z } from "zod";
import { FIELD_LIMITS as L } from "@/domain/intake-limits";
import { CASE_KINDS, CHANNELS, type CaseKind } from "@/domain/types";
import { cleanLine, cleanText, isIdNumber, normalizePhone } from "@/domain/text-input";

/** Field error codes; the form translates them (messages intake.errors.*). */
export type FieldError =
  | "required"
  | "tooShort"
  | "tooLong"
  | "invalid"
  | "invalidEmail"
  | "invalidPhone"
  | "invalidIdNumber"
  | "contactRequired"
  | "nameRequired"
  | "addressRequired";

const line = (max: number) => z.string().transform(cleanLine).pipe(z.string().max(max, { error: "tooLong" }));
const optionalLine = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? "" : cleanLine(v)))
    .pipe(z.string().max(max, { error: "tooLong" }));

export const submitCaseSchema = z
  .object({
    kind: z.enum(CASE_KINDS, { error: "required" }),
    categoryId: z.uuid({ error: "required" }),
    areaId: z.uuid({ error: "required" }),
    address: optionalLine(L.address.max),
    title: line(L.title.max).pipe(z.string().min(L.title.min, { error: "tooShort" })),
    body: z
      .string()
      .transform(cleanText)
      .pipe(z.string().min(L.body.min, { error: "tooShort" }).max(L.body.max, { error: "tooLong" })),
    anonymous: z.boolean().default(false),
    name: optionalLine(L.name.max),
    phone: optionalLine(L.phone.max),
    email: optionalLine(L.email.max),
    filerAddress: optionalLine(L.filerAddress.max),
    idNumber: optionalLine(L.idNumber.max),
    subjectName: optionalLine(L.subjectName.max),
    subjectPosition: optionalLine(L.subjectPosition.max),
    subjectUnitId: z.uuid().optional(),
    consentPublish: z.boolean().default(false),
    language: z.enum(["vi", "en"]).default("vi"),
    channel: z.enum(CHANNELS).default("web"),
    idempotencyKey: z.string().min(16).max(100),
    /** The reception day a matter was raised at (the on-behalf form opened from it): channel "reception" only. */
    receptionDayId: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined), z.uuid({ error: "invalid" }).optional()),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: FieldError) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.email && !z.email().safeParse(v.email).success) add("email", "invalidEmail");
    if (v.phone && !normalizePhone(v.phone)) add("phone", "invalidPhone");
    if (v.idNumber && !isIdNumber(v.idNumber)) add("idNumber", "invalidIdNumber");
    if (v.receptionDayId && v.channel !== "reception") add("channel", "invalid");
    const rules = identityRules(v.kind);
    if (v.anonymous && !rules.anonymousAllowed) add("anonymous", "invalid");
    if (v.anonymous && rules.anonymousAllowed) return;
    if (rules.nameRequired && !v.name) add("name", "nameRequired");
    if (rules.addressRequired && !v.filerAddress) add("filerAddress", "addressRequired");
    if (rules.contactRequired && !v.phone && !v.email) add("phone", "contactRequired");
  })
  .transform((v) => ({ ...v, phone: v.phone ? normalizePhone(v.phone)! : "", email: v.email.toLowerCase(), idNumber: v.idNumber.replace(/\s/g, "") }));

export type SubmitCaseInput = z.input<typeof submitCaseSchema>;
export type SubmitCaseValues = z.output<typeof submitCaseSchema>;

/**
 * Who must say who they are (DOMAIN.md section 3): complaints need name and address; denunciations need an
 * identity, kept sealed; comments on Party and government building may be anonymous.
 */
export function identityRules(kind: CaseKind) {
  return {
    anonymousAllowed: kind === "contribution",
    nameRequired: true,
    addressRequired: kind === "complaint" || kind === "denunciation",
    contactRequired: kind !== "contribution",
  };
}

/** zod issues -> { field: code } (first problem per field). */
export function fieldErrors(error: z.ZodError): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (out[field]) continue;
    const known: FieldError[] = ["required", "tooShort", "tooLong", "invalid", "invalidEmail", "invalidPhone", "invalidIdNumber", "contactRequired", "nameRequired", "addressRequired"];
    out[field] = (known as string[]).includes(issue.message) ? (issue.message as FieldError) : issue.code === "too_big" ? "tooLong" : issue.code === "too_small" ? "tooShort" : "invalid";
  }
  return out;
}
