import { namesGroups } from "./header-names";
import { isMissingMarker } from "./missing-values";
import { fits, type ColumnShapes } from "./shapes";

/** Any column of few enough shapes to judge by, or of numbers: words too. */
export const shaped = (s: ColumnShapes): boolean => s.shapes !== null || s.numeric;

/**
 * A line of units under the column names that leaves the columns without one empty ("", "", "degC", "hPa" over a
 * station, a time, a temperature and a pressure), as instruments and lab exports write it: of its shaped columns,
 * two at least (or the one) hold a word that stands apart from the values below it, and the rest hold nothing
 * (or a dash). A first row of data has values that fit somewhere.
 */
export function isSparseUnitsLine(fields: readonly string[], shapes: readonly ColumnShapes[]): boolean {
  const typed = shapes.flatMap((s, c) => (shaped(s) ? [{ s, v: (fields[c] ?? "").trim() }] : []));
  const given = typed.filter(({ v }) => v !== "" && !isMissingMarker(v));
  return given.length >= Math.min(2, typed.length) && given.length > 0 && given.every(({ s, v }) => !fits(s, v) && /[\p{L}%°]/u.test(v));
}

/**
 * A header's second line of units: its line in the file, and each column's unit (those it gives one). Or of labels
 * (`labels`): a survey's questions ("How old are you?") under short names (Q1), which are no units.
 */
export interface HeaderUnits {
  line: number;
  columns: { column: string; unit: string }[];
  labels?: boolean;
}

/** A unit as a header's line writes it: short, a word or two ("degC", "kg/m3", "mm Hg"), no question. */
const unitLike = (text: string): boolean => text.length <= 12 && text.split(/\s+/).length <= 2 && !/[?!]/.test(text);

/**
 * The units a header's second line gives the columns (by the read's names, in order), or null where it names
 * groups of columns over their own names (lib/csv/header-names.ts), which the columns' names then carry.
 */
export function headerUnits(first: readonly string[], second: readonly string[], columns: readonly { name: string }[], line: number): HeaderUnits | null {
  if (namesGroups(first)) return null;
  const given = columns.flatMap((c, i) => {
    const unit = (second[i] ?? "").trim();
    return unit && !isMissingMarker(unit) ? [{ column: c.name, unit }] : [];
  });
  if (!given.length) return null;
  return given.every((g) => unitLike(g.unit)) ? { line, columns: given } : { line, columns: given, labels: true };
}

/** The units said, as the read kept them apart from the rows. */
export const describeUnits = (units: HeaderUnits | undefined): string | null =>
  units
    ? `Line ${units.line} gives the columns’ ${units.labels ? "labels" : "units"}, read as part of the header, not as a row: ${units.columns.map((u) => `${u.column} “${u.unit}”`).join(", ")}.`
    : null;
