// Fields of life (lĩnh vực) as an administrator keeps them: a stable code, names and an optional explanation in
// both languages, a place in the list the citizen's form shows, and active or not (cases keep an inactive one).

/** A code names a field in exports and routing notes: lower-case letters, digits and "_", starting with a letter. */
export const CATEGORY_CODE = /^[a-z][a-z0-9_]*$/;

export const CATEGORY_LIMITS = {
  code: { min: 2, max: 40 },
  name: 120,
  /** Shown under the choice on the citizens' form: a sentence or two, not a page. */
  description: 400,
} as const;

export function isCategoryCode(value: string): boolean {
  return value.length >= CATEGORY_LIMITS.code.min && value.length <= CATEGORY_LIMITS.code.max && CATEGORY_CODE.test(value);
}

/** Free text as stored: NFC (some keyboards send decomposed accents), one line, runs of spaces made one. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

export type Ordered = { id: string; code: string; sortOrder: number };

/** The list as citizens see it: by place, ties (hand-edited data) by code so the order is always the same. */
export function inDisplayOrder<T extends Ordered>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The place a new field takes: after every other one. */
export function nextSortOrder(list: readonly Ordered[]): number {
  return list.reduce((max, c) => Math.max(max, c.sortOrder + 1), 0);
}

export type Direction = "up" | "down";

/**
 * Moving one field a place up or down. The list is renumbered 0…n-1 in display order with the field swapped with
 * its neighbour; only the fields whose number changes are returned (none when the field is already at that end,
 * or unknown).
 */
export function moveInOrder(list: readonly Ordered[], id: string, direction: Direction): { id: string; sortOrder: number }[] {
  const ordered = inDisplayOrder(list);
  const at = ordered.findIndex((c) => c.id === id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ordered.length) return [];
  [ordered[at], ordered[to]] = [ordered[to]!, ordered[at]!];
  return ordered.flatMap((c, i) => (c.sortOrder === i ? [] : [{ id: c.id, sortOrder: i }]));
}

/** A citizen must always have a field to choose: the last active one cannot be deactivated. */
export function mayDeactivate(list: readonly { id: string; active: boolean }[], id: string): boolean {
  return list.some((c) => c.active && c.id !== id);
}
