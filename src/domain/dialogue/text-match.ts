// Telling similar questions apart from different ones, whatever the accents (Vietnamese typed on a phone often
// has none). Pure: the database does the same with the folded text it stores (dialogue_questions.search_text).

/** Lower case, without diacritics (đ as d), punctuation as spaces, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Trigrams of each word, padded as pg_trgm does ("  w", " wo", "wor", "ord", "rd "). */
export function trigrams(folded: string): Set<string> {
  const grams = new Set<string>();
  for (const word of folded.split(" ")) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** pg_trgm's similarity: shared trigrams over all trigrams of both, 0..1. */
export function similarity(a: string, b: string): number {
  const ga = trigrams(foldText(a));
  const gb = trigrams(foldText(b));
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

/** How similar a question must be to be suggested (pg_trgm's word similarity on the folded text). */
export const SUGGEST_THRESHOLD = 0.3;
/** Suggestions shown at most. */
export const SUGGEST_LIMIT = 5;
/** Typed text shorter than this (folded) gets no suggestions. */
export const SUGGEST_MIN_LENGTH = 8;
