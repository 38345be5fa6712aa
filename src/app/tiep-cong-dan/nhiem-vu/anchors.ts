// The anchors of /tiep-cong-dan/nhiem-vu/cach-tinh: every figure on the duty pages links to its explanation.
export const METHOD_PATH = "/tiep-cong-dan/nhiem-vu/cach-tinh";

export const ANCHORS = {
  seat: "vi-tri",
  rules: "quy-dinh",
  required: "so-buoi-phai-tiep",
  holidays: "ngay-nghi",
  heldInPerson: "tiep-truc-tiep",
  delegated: "tiep-thay",
  missed: "bo-lo",
  upcoming: "con-phai-tiep",
  state: "ket-qua-thang",
  straddle: "thay-doi-quy-dinh",
  example: "vi-du",
  matters: "vu-viec",
  answered: "tra-loi-tai-cho",
  cases: "thu-ly",
  guided: "huong-dan",
  refused: "tu-choi",
  heads: "nguoi-giu-chuc-vu",
  rank: "khong-xep-hang",
} as const;

export type AnchorName = keyof typeof ANCHORS;

export const methodHref = (name: AnchorName) => `${METHOD_PATH}#${ANCHORS[name]}`;
