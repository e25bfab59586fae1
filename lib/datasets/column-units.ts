import type { HeaderUnits } from "@/lib/csv/units-line";
import type { Column } from "./manifest";

/**
 * The final columns with the units a file's header gave them (a line of units under the names: lib/csv/units-line.ts),
 * kept in the version's schema so the destination says what its numbers measure. A column keeps its unit under its
 * own name only (a rename or a derived column says nothing of it), and none where the recipe's SQL made the rows:
 * a sum or a ratio there may be of another unit.
 */
export function withUnits(columns: readonly Column[], units: HeaderUnits | undefined, sqlStage: boolean): Column[] {
  const given = new Map((sqlStage ? [] : (units?.columns ?? [])).map((u) => [u.column, u.unit]));
  return columns.map((c) => (given.has(c.name) ? { ...c, unit: given.get(c.name)! } : c));
}
