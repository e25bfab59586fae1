import { records, type Dialect } from "./records";

/**
 * The delimiter, quote and escape of CSV text, chosen by how consistent the
 * rows they give are (the idea of CleverCSV's pattern score): many rows of
 * the same width, wider being better, few distinct widths. A file with a
 * title line or a broken row still scores by its table.
 */
const DELIMITERS = [",", ";", "\t", "|"];
const CANDIDATES: Dialect[] = DELIMITERS.flatMap((delimiter) => [
  { delimiter, quote: '"', escape: '"' },
  { delimiter, quote: '"', escape: "\\" },
  { delimiter, quote: "'", escape: "'" },
]);

export function consistency(widths: readonly number[]): number {
  if (widths.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let score = 0;
  for (const [w, n] of counts) score += (n * (w - 1)) / w;
  return score / counts.size;
}

/**
 * The share of values that hold none of the other delimiters (CleverCSV's type score, in short): read with
 * the wrong one, a file's values hold the right one ("1083;2018-02-01;pack"), while read with the right one
 * only some text holds the others ("green, cable and small"). It keeps a few broken rows, whose widths
 * differ, from tipping a file of semicolons and text with commas over to commas.
 */
function plainShare(recs: readonly { fields: string[] }[], delimiter: string): number {
  const others = DELIMITERS.filter((d) => d !== delimiter);
  let values = 0;
  let plain = 0;
  for (const r of recs) {
    for (const f of r.fields) {
      if (f.trim() === "") continue;
      values++;
      if (!others.some((d) => f.includes(d))) plain++;
    }
  }
  return values === 0 ? 1 : Math.max(MIN_PLAIN_SHARE, plain / values);
}

const MIN_PLAIN_SHARE = 0.05;

/**
 * A backslash before a quote that neither ends the value nor is doubled (`"he said \"hi\""`): text that
 * follows RFC 4180 has none, text whose quotes are escaped by backslashes (MySQL, PHP) does. Such rows
 * often count as many fields either way, so it breaks the tie.
 */
function escapedByBackslash(lines: readonly string[], delimiter: string): boolean {
  const stray = new RegExp(`\\\\"(?![${delimiter === "\t" ? "\\t" : "\\" + delimiter}"\\r\\n]|$)`);
  return lines.some((line) => stray.test(line));
}

export function detectDialect(lines: readonly string[], given: Partial<Dialect> = {}): Dialect {
  const sample = lines.filter((l) => l.trim() !== "").slice(0, 500);
  let best: { d: Dialect; score: number } | null = null;
  for (const candidate of CANDIDATES) {
    const d = { ...candidate, ...given };
    if (given.quote !== undefined && given.escape === undefined) d.escape = d.quote;
    const recs = records(sample, d, 20);
    const opened = recs.filter((r) => r.open).length;
    // A quote that never closes counts against the dialect; so does an escape the text never uses.
    let score = consistency(recs.map((r) => r.fields.length)) * (1 - opened / Math.max(1, recs.length)) * plainShare(recs, d.delimiter);
    if (d.escape !== d.quote && !sample.some((l) => l.includes(d.escape + d.quote))) score *= 0.5;
    if (d.escape === d.quote && d.quote === '"' && escapedByBackslash(sample, d.delimiter)) score *= 0.9;
    // Single quotes that open no value read the text as no quotes at all would: never better than double quotes,
    // and a double quote never closed (a stray one) must not make them look so.
    if (d.quote === "'" && given.quote === undefined && !sample.some((l) => l.startsWith("'") || l.includes(d.delimiter + "'"))) continue;
    if (!best || score > best.score * 1.0001) best = { d, score };
  }
  return best?.d ?? { delimiter: ",", quote: '"', escape: '"', ...given };
}
