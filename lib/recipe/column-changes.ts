import type { Column } from "@/lib/datasets/manifest";
import { schemaDiff, type SchemaDiff } from "@/lib/datasets/compare";
import type { Step } from "./schema";

/**
 * What a recipe did to the columns, from staged to final: renames (read from
 * the rename and mapping steps), then what was added, removed or retyped.
 */
export interface ColumnChanges extends SchemaDiff {
  renamed: { from: string; to: string }[];
}

export function columnChanges(staged: readonly Column[], final: readonly Column[], steps: readonly Step[]): ColumnChanges {
  // Follow each staged column through the renames, in step order.
  const current = new Map(staged.map((c) => [c.name, c.name]));
  for (const step of steps) {
    if (!step.enabled) continue;
    const renames: [string, string][] =
      step.kind === "rename" ? [[step.from, step.to]] : step.kind === "mapSchema" ? step.target.flatMap((t) => (t.from ? [[t.from, t.name] as [string, string]] : [])) : [];
    for (const [from, to] of renames) {
      for (const [origin, name] of current) if (name === from) current.set(origin, to);
    }
  }
  const finalNames = new Set(final.map((c) => c.name));
  const renamed = [...current].filter(([origin, name]) => origin !== name && finalNames.has(name)).map(([from, to]) => ({ from, to }));
  const asRenamed = staged.map((c) => ({ name: current.get(c.name) ?? c.name, type: c.type }));
  const diff = schemaDiff(asRenamed, final);
  const renamedTo = new Set(renamed.map((r) => r.to));
  return {
    renamed,
    added: diff.added,
    removed: diff.removed.map((c) => ({ ...c, name: [...current].find(([, n]) => n === c.name && !renamedTo.has(n))?.[0] ?? c.name })),
    retyped: diff.retyped,
  };
}

export function describeChanges(changes: ColumnChanges): string {
  const parts = [
    ...changes.renamed.map((r) => `renamed ${r.from} → ${r.to}`),
    ...changes.added.map((c) => `added ${c.name}`),
    ...changes.removed.map((c) => `removed ${c.name}`),
    ...changes.retyped.map((c) => `${c.name} ${c.from} → ${c.to}`),
  ];
  return parts.length ? parts.join("; ") : "no column changes";
}
