// Removing identities from a text before it is published ("Công khai"). Pure: the publisher gives it the case's
// unsealed parties; it never sees the database. What it hides:
// - the names it is given (the filer's, and any other party's), whatever the case and accents, with any spacing,
//   also without the middle names ("Nguyễn An" for "Nguyễn Văn An") and after a form of address ("ông An");
// - the addresses it is given (and their leading parts: "Thôn 3, Phường X" of "Thôn 3, Phường X, tỉnh Gia Lai");
// - the phones, emails and ID numbers it is given, and any that look like them: Vietnamese phone numbers
//   (0xxx xxx xxx, +84 …, 84 …, with spaces, dots or dashes), emails, and ID numbers (CMND 9 digits, CCCD 12
//   digits; any run of 9 to 12 digits is hidden, as bank accounts and insurance numbers identify too).
// Hiding too much is the safe side: an answer with "[đã ẩn]" where a number was reads fine.

export type RedactionParty = { name?: string; phone?: string; email?: string; address?: string; idNumber?: string };

export const REDACTED = { vi: "[đã ẩn]", en: "[hidden]" } as const;

type Range = [start: number, end: number];

const APOSTROPHES = /[’ʼ‘`´]/g;

/** One character's folded form: lower case, no diacritics, đ as d, one kind of apostrophe. */
function foldChar(ch: string): string {
  return ch.normalize("NFD").replace(/\p{M}+/gu, "").replace(/[đĐ]/g, "d").replace(APOSTROPHES, "'").toLowerCase();
}

/** The folded text and, for each of its UTF-16 units, where the character it came from starts and ends. */
function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, from, to };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const WORD_AFTER = "(?![\\p{L}\\p{N}])";

/** Folded words of a name or address, split on spaces (and commas, for addresses). */
function wordsOf(text: string, separators: RegExp): string[] {
  return [...text]
    .map(foldChar)
    .join("")
    .split(separators)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Forms of address a name may follow ("ông An", "chị Bình"). */
const HONORIFICS = ["ong", "ba", "anh", "chi", "em", "co", "chu", "bac", "cu", "di", "thim", "mr", "mrs", "ms"];

/** The folded patterns a name is found by. */
export function nameForms(name: string): string[] {
  const words = wordsOf(name, /\s+/);
  if (words.length === 0) return [];
  const whole = [words.join(" ")];
  if (words.length >= 3) whole.push(`${words[0]} ${words[words.length - 1]}`);
  // "ông Văn An", "bà An": the given name alone only after a form of address, never bare (it is often a word).
  const given = words.length >= 2 ? [words[words.length - 1]!, words.slice(1).join(" ")] : [];
  const addressed = [...new Set([...whole, ...given])].flatMap((form) => HONORIFICS.map((h) => `${h} ${form}`));
  return [...whole, ...addressed];
}

/** The folded patterns an address is found by: the whole, its leading parts, and a first part with a number. */
export function addressForms(address: string): string[] {
  const parts = address.split(",").map((p) => wordsOf(p, /\s+/).join(" ")).filter(Boolean);
  if (parts.length === 0) return [];
  const forms: string[] = [];
  for (let n = parts.length; n >= 2; n--) forms.push(parts.slice(0, n).join(", "));
  // A first part with a number ("Thôn 3", "12 Lê Lợi") identifies a home; a lone place name ("Pleiku") does not.
  if (/\d/.test(parts[0]!) || (parts.length === 1 && parts[0]!.includes(" "))) forms.push(parts[0]!);
  return forms.filter((f) => f.replace(/\s/g, "").length >= 3);
}

/** A folded form as a pattern: any spacing between words, commas optional where the form has them. */
function formPattern(form: string): string {
  return form
    .split(/\s*,\s*/)
    .map((part) => part.split(" ").map(escape).join("[\\s\\-]+"))
    .join("[\\s,;\\-]+");
}

function foldedRanges(text: string, forms: string[]): Range[] {
  if (forms.length === 0) return [];
  const { folded, from, to } = foldWithMap(text);
  const longestFirst = [...new Set(forms)].sort((a, b) => b.length - a.length);
  const re = new RegExp(`${WORD_BEFORE}(?:${longestFirst.map(formPattern).join("|")})${WORD_AFTER}`, "gu");
  const ranges: Range[] = [];
  for (const m of folded.matchAll(re)) {
    if (m[0].length === 0) continue;
    const start = from[m.index]!;
    let end = to[m.index + m[0].length - 1]!;
    // A decomposed text keeps its accents as separate marks after the last letter: they go with it.
    while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
    ranges.push([start, end]);
  }
  return ranges;
}

const SEP = "[\\s.\\-]?";
/** 0 and 9 or 10 digits, or +84 / 0084 / (+84) / 84 and 9 or 10 digits (a 0 after 84 is tolerated). */
const PHONE = new RegExp(`(?<![\\p{N}+])(?:(?:(?:\\+|00)\\s?84|\\(\\+?84\\)|84)${SEP}0?|0)(?:${SEP}\\d){8,10}(?!\\d)`, "gu");

function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, "");
  const national = match.trimStart().startsWith("0") && !digits.startsWith("0084") ? digits.slice(1) : digits.replace(/^(00)?84/, "").replace(/^0/, "");
  return national.length === 9 || national.length === 10;
}
const EMAIL = /[\p{L}\p{N}._%+-]+\s?@\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** 9 to 12 digits in a row, or 9 or 12 digits in groups of 3 or 4 separated by single spaces (CMND, CCCD). */
const LONG_NUMBER = /(?<![\p{N}])(?:\d{9,12}|\d{3,4}(?: \d{3,4}){2,3})(?![\p{N}])/gu;

function regexRanges(text: string, re: RegExp, accept: (match: string) => boolean = () => true): Range[] {
  const ranges: Range[] = [];
  for (const m of text.matchAll(re)) if (accept(m[0])) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

const digitCount = (s: string) => s.replace(/\D/g, "").length;

/** A given number (phone or ID), found with any separators between its digits, with or without +84 for a 0. */
function numberRanges(text: string, number: string): Range[] {
  const digits = number.replace(/\D/g, "");
  if (digits.length < 6) return [];
  const national = digits.startsWith("84") && digits.length >= 11 ? digits.slice(2) : digits.startsWith("0") ? digits.slice(1) : null;
  const spaced = (d: string) => [...d].join("[\\s.\\-]?");
  const alternatives = [spaced(digits)];
  if (national) alternatives.push(`(?:(?:(?:\\+|00)\\s?84|\\(\\+?84\\)|84)[\\s.\\-]?0?|0)[\\s.\\-]?${spaced(national)}`);
  return regexRanges(text, new RegExp(`(?<![\\d+])(?:${alternatives.join("|")})(?!\\d)`, "gu"));
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The text with every identity of the given parties, and anything that looks like a phone, email or ID, hidden. */
export function redactText(text: string, parties: RedactionParty[], options: { placeholder?: string } = {}): string {
  const placeholder = options.placeholder ?? REDACTED.vi;
  const names = parties.flatMap((p) => (p.name ? nameForms(p.name) : []));
  const addresses = parties.flatMap((p) => (p.address ? addressForms(p.address) : []));
  const ranges: Range[] = [
    ...foldedRanges(text, [...names, ...addresses]),
    ...parties.flatMap((p) => [p.phone, p.idNumber].flatMap((n) => (n ? numberRanges(text, n) : []))),
    ...parties.flatMap((p) => (p.email?.trim() ? regexRanges(text, new RegExp(escape(p.email.trim()), "giu")) : [])),
    ...regexRanges(text, EMAIL),
    ...regexRanges(text, PHONE, isPhone),
    ...regexRanges(text, LONG_NUMBER, (m) => /^\d+$/.test(m) || digitCount(m) === 9 || digitCount(m) === 12),
  ];
  let out = "";
  let at = 0;
  for (const [start, end] of merge(ranges)) {
    out += text.slice(at, start) + placeholder;
    at = end;
  }
  return out + text.slice(at);
}
