/**
 * Fills a message template in the browser as next-intl does on the server, for the few texts whose values are known
 * only there: the minutes to wait after a refused action, the name of a file the citizen picked. Server parents
 * hand client components translated strings, and such templates raw (t.raw); this spares every page next-intl's
 * ICU formatter (about 12 KB of script). It knows what the messages use: {name}, and plural or selectordinal
 * branches whose # is the number in the reader's format. tests/unit/fill-message.test.ts holds every message to next-intl.
 */
export type Values = Record<string, string | number>;

export function fillMessage(template: string, values: Values, locale: string): string {
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  let at = 0;

  /** Text up to the closing brace of the enclosing branch (or the end); `hash` is the plural's number. */
  function text(hash: number | null): string {
    let out = "";
    while (at < template.length) {
      const c = template[at]!;
      if (c === "}") return out;
      if (c === "{") {
        out += argument();
        continue;
      }
      if (c === "#" && hash !== null) out += number(hash);
      else out += c;
      at++;
    }
    return out;
  }

  function argument(): string {
    const close = template.slice(at).search(/[,}]/);
    if (close < 0) throw new Error(`unclosed argument in "${template}"`);
    const name = template.slice(at + 1, at + close).trim();
    at += close;
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in "${template}"`);
    if (template[at] === "}") {
      at++;
      return String(value);
    }
    const kind = /^,\s*(plural|selectordinal)\s*,/.exec(template.slice(at));
    if (!kind || typeof value !== "number") throw new Error(`unsupported argument {${name}} in "${template}"`);
    at += kind[0].length;
    const rules = new Intl.PluralRules(locale, { type: kind[1] === "plural" ? "cardinal" : "ordinal" });
    const branches = new Map<string, string>();
    for (;;) {
      const head = /^\s*(=\d+|[a-z]+)\s*\{/.exec(template.slice(at));
      if (!head) break;
      at += head[0].length;
      branches.set(head[1]!, text(value));
      at++; // the branch's closing brace
    }
    at = template.indexOf("}", at) + 1;
    return branches.get(`=${value}`) ?? branches.get(rules.select(value)) ?? branches.get("other") ?? "";
  }

  return text(null);
}
