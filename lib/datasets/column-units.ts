import type { HeaderUnits } from "@/lib/csv/units-line";
import type { CodeLabel } from "@/lib/staging/staged-file";
import type { Column } from "./manifest";

/**
 * The final columns with the units a file gave them (a line of units under the names: lib/csv/units-line.ts; or a
 * unit after every number, 12 kg, read in `numbers`: lib/csv/number-format.ts), kept in the version's schema so the
 * destination says what its numbers measure. A column keeps its unit under its own name only (a rename or a derived
 * column says nothing of it), and none where the recipe's SQL made the rows: a sum or a ratio there may be of another unit.
 * A line of labels instead (a survey's questions) gives each column its label, kept likewise, as do the variable
 * labels of a statistical dataset (`labels`: "Yearly income (EUR)"), and the labels of its codes where they were
 * read as codes (`codes`: 1 is "North").
 */
export function describedColumns(
  columns: readonly Column[],
  units: HeaderUnits | undefined,
  sqlStage: boolean,
  numbers: Record<string, { unit?: string }> = {},
  { labels: variableLabels = {}, codes = {} }: { labels?: Record<string, string>; codes?: Record<string, CodeLabel[]> } = {},
): Column[] {
  if (sqlStage) return [...columns];
  const written = Object.entries(numbers).flatMap(([column, n]) => (n.unit ? [{ column, unit: n.unit }] : []));
  const given = new Map([...written, ...(units?.labels ? [] : (units?.columns ?? []))].map((u) => [u.column, u.unit]));
  const labels = new Map([...Object.entries(variableLabels), ...(units?.labels ? units.columns : []).map((u) => [u.column, u.unit] as const)]);
  return columns.map((c) => ({
    ...c,
    ...(given.has(c.name) ? { unit: given.get(c.name)! } : {}),
    ...(labels.has(c.name) ? { label: labels.get(c.name)! } : {}),
    ...(codes[c.name]?.length ? { categories: codes[c.name] } : {}),
  }));
}

/** What the read panel says of a statistical dataset's labelled codes: read as their labels, or as codes (then kept as `describedColumns`'s `codes`), with their labels beside or not. */
export function describeCodeLabels(codeLabels: Record<string, readonly CodeLabel[]>, read: "labels" | "codes" | "both"): string {
  const columns = Object.keys(codeLabels);
  const one = columns.length === 1;
  const their = one ? "its" : "their";
  const kept = `the labels of ${their} codes are kept in the versions' schema (a Data Package's categories)`;
  if (read === "codes") return `${one ? "Column" : "Columns"} ${columns.join(", ")} ${one ? "holds" : "hold"} codes, as chosen; ${kept}.`;
  if (read === "both") return `${one ? "Column" : "Columns"} ${columns.join(", ")} ${one ? "holds" : "hold"} codes, as chosen, ${their} labels in ${columns.map((c) => `${c}_label`).join(", ")} beside ${one ? "it" : "them"}; ${kept}.`;
  const example = Object.values(codeLabels)[0]?.[0];
  return `${one ? "Column" : "Columns"} ${columns.join(", ")} ${one ? "is" : "are"} read as ${their} codes' labels${example ? ` (${example.value} as ${example.label})` : ""}, a code without a label as itself. To keep the codes, read it again with Labelled codes: as the codes they are.`;
}
