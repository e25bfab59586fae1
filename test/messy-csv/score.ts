/**
 * How close a reading of a polluted file comes to the clean table: precision,
 * recall and F1 of the header names, of whole records, and of cells (per
 * column, as multisets, so that one lost row costs its cells and no more).
 */
export interface Scores {
  header: number;
  record: number;
  cell: number;
}

function f1(matched: number, got: number, want: number): number {
  if (got === 0 && want === 0) return 1;
  const precision = got ? matched / got : 0;
  const recall = want ? matched / want : 0;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function multisetOverlap(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of a) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      n++;
      counts.set(x, c - 1);
    }
  }
  return n;
}

const norm = (v: string | null) => (v ?? "").trim();

export function score(got: { header: string[]; rows: (string | null)[][] }, want: { header: string[]; rows: (string | null)[][] }): Scores {
  const header = f1(multisetOverlap(got.header.map((h) => h.trim()), want.header), got.header.length, want.header.length);
  const key = (r: (string | null)[]) => r.map(norm).join("\u0001");
  const record = f1(multisetOverlap(got.rows.map(key), want.rows.map(key)), got.rows.length, want.rows.length);
  let matched = 0;
  const width = Math.min(got.header.length, want.header.length);
  for (let c = 0; c < width; c++) matched += multisetOverlap(got.rows.map((r) => norm(r[c] ?? null)), want.rows.map((r) => norm(r[c] ?? null)));
  return { header, record, cell: f1(matched, got.rows.length * got.header.length, want.rows.length * want.header.length) };
}
