import type { CodeLabel } from "@/lib/staging/staged-file";
import type { TypedCell, TypedTable } from "./table";

/**
 * A table of labelled codes read as codes, with a column of their labels beside each (`region`, then
 * `region_label`): the codes to compute with and the labels to read, as analysts keep both. A code without a label
 * has an empty label; a label column's name is made unique among the table's names.
 */
export function withLabelColumns(table: TypedTable, codeLabels: Record<string, readonly CodeLabel[]>): TypedTable {
  const names = new Set(table.columns.map((c) => c.name));
  const labelled = table.columns.flatMap((c, i) => (codeLabels[c.name]?.length ? [{ i, name: c.name, labels: new Map(codeLabels[c.name]!.map((l) => [l.value, l.label] as const)) }] : []));
  if (!labelled.length) return table;
  const columns = [...table.columns];
  const at: number[] = [];
  for (const { i, name } of labelled) {
    let label = `${name}_label`;
    for (let n = 2; names.has(label); n++) label = `${name}_label_${n}`;
    names.add(label);
    const index = columns.findIndex((c) => c.name === name) + 1;
    columns.splice(index, 0, { name: label, type: "text" });
    at.push(i);
  }
  const utf8 = new TextDecoder();
  const labelOf = (cell: TypedCell, labels: Map<number | string, string>): TypedCell => (cell === null ? null : (labels.get(cell instanceof Uint8Array ? utf8.decode(cell) : cell) ?? null));
  return {
    columns,
    rows: (function* () {
      const out: TypedCell[] = [];
      for (const row of table.rows) {
        out.length = 0;
        for (let i = 0; i < row.length; i++) {
          const cell = row[i] ?? null;
          out.push(cell);
          const j = at.indexOf(i);
          if (j >= 0) out.push(labelOf(cell, labelled[j]!.labels));
        }
        yield out;
      }
    })(),
  };
}
