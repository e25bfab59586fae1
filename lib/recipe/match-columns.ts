/**
 * Propose which source column feeds each target column: equal names first
 * (ignoring case, spaces and punctuation), then the most similar remaining
 * name (Dice coefficient over letter pairs) when similar enough. Each source
 * column feeds at most one target. The user confirms or changes the result.
 */
/** A column name with case, spaces and punctuation folded away. */
export const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

function pairs(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length - 1; i++) out.push(text.slice(i, i + 2));
  return out;
}

export function similarity(a: string, b: string): number {
  const x = normalize(a);
  const y = normalize(b);
  if (x === y) return 1;
  const px = pairs(x);
  const py = pairs(y);
  if (!px.length || !py.length) return 0;
  const pool = [...py];
  let shared = 0;
  for (const p of px) {
    const at = pool.indexOf(p);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (px.length + py.length);
}

export function matchColumns(sources: readonly string[], targets: readonly string[], threshold = 0.5): (string | null)[] {
  const candidates = targets
    .flatMap((t, ti) => sources.map((s) => ({ ti, s, score: similarity(s, t) })))
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score || a.ti - b.ti);
  const result: (string | null)[] = targets.map(() => null);
  const used = new Set<string>();
  for (const c of candidates) {
    if (result[c.ti] !== null || used.has(c.s)) continue;
    result[c.ti] = c.s;
    used.add(c.s);
  }
  return result;
}

/** "name TYPE" per line (TYPE optional, VARCHAR by default) into target columns. */
export function parseTargetSchema(text: string): { name: string; type: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^("?)([^"]+?)\1(?:\s+(.+))?$/.exec(line)!;
      return { name: m[2]!.trim(), type: (m[3] ?? "VARCHAR").trim() };
    });
}
