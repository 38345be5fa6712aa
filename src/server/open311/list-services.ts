import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { categories } from "@/db/schema";
import { OPEN311_KINDS, parseServiceCode, serviceCodeOf, type Open311Kind } from "@/domain/open311/services";
import { KIND_DESCRIPTIONS, KIND_NAMES } from "./vocabulary";

export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: "realtime";
  keywords: string;
  group: string;
};

export type ServiceCategory = { id: string; code: string; nameVi: string; nameEn: string };

export function serviceName(kind: Open311Kind, category: { nameVi: string }): string {
  return `${KIND_NAMES[kind]} – ${category.nameVi}`;
}

export async function activeCategories(db: DbOrTx): Promise<ServiceCategory[]> {
  return db
    .select({ id: categories.id, code: categories.code, nameVi: categories.nameVi, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder), asc(categories.code));
}

function serviceOf(kind: Open311Kind, c: ServiceCategory): Open311Service {
  return {
    service_code: serviceCodeOf(kind, c.code),
    service_name: serviceName(kind, c),
    description: `${KIND_DESCRIPTIONS[kind]} Lĩnh vực: ${c.nameVi}.`,
    // Every service has optional attributes (a title, consent to publish the answer): see its definition.
    metadata: true,
    // A request becomes a case at once: its service_request_id comes back with the POST.
    type: "realtime",
    keywords: [KIND_NAMES[kind], c.nameVi, c.nameEn, kind, c.code].join(", "),
    group: c.nameVi,
  };
}

/** Every service a client may post: each kind the API takes for each active field of life, grouped by field. */
export async function listServices(db: DbOrTx): Promise<Open311Service[]> {
  const fields = await activeCategories(db);
  return fields.flatMap((c) => OPEN311_KINDS.map((kind) => serviceOf(kind, c)));
}

/** A service code's kind and (active) field, or null when there is no such service. */
export async function findService(db: DbOrTx, code: string): Promise<{ kind: Open311Kind; category: ServiceCategory; service: Open311Service } | null> {
  const parsed = parseServiceCode(code);
  if (!parsed) return null;
  const category = (await activeCategories(db)).find((c) => c.code === parsed.categoryCode);
  return category ? { kind: parsed.kind, category, service: serviceOf(parsed.kind, category) } : null;
}

export type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values: { key: string; name: string }[];
};

/**
 * The attributes every service takes, all optional so that a client that sends none still works: a short title
 * (else the description's first words), and whether the filer agrees that the answer be published on "Công
 * khai" with every identity removed.
 */
export const SERVICE_ATTRIBUTES: Open311Attribute[] = [
  {
    variable: true,
    code: "title",
    datatype: "string",
    required: false,
    datatype_description: "5 đến 200 ký tự. Nếu để trống, lấy phần đầu của nội dung.",
    order: 1,
    description: "Tiêu đề ngắn của ý kiến",
    values: [],
  },
  {
    variable: true,
    code: "consent_publish",
    datatype: "singlevaluelist",
    required: false,
    datatype_description: "Mặc định: không đồng ý.",
    order: 2,
    description: "Người gửi đồng ý công khai câu hỏi và câu trả lời (đã ẩn mọi thông tin cá nhân) trên trang Công khai",
    values: [
      { key: "true", name: "Đồng ý" },
      { key: "false", name: "Không đồng ý" },
    ],
  },
];
