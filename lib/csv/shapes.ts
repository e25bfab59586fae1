import { isMissingMarker } from "./missing-values";

/**
 * What the values of a column look like, learned from a sample of rows:
 * enough to tell whether a value read from a broken line belongs in that
 * column. A value's shape collapses runs of digits to "9" and of letters to
 * "a" ("$29.81" → "$9.9", "1RI-7338" → "9a-9").
 */
export const shapeOf = (value: string): string =>
  asciiShape(value, true) ??
  value
    .trim()
    .replace(/\p{N}+/gu, "9")
    .replace(/\p{L}+/gu, "a")
    .replace(/\s+/g, " ");

const NUMBER = /^[-+]?[$€£¥]?\s?[-+]?(\d+([.,]\d{3})*|\d*)([.,]\d+)?%?$/;
/** Every value is filled and none is a plain number: a row that may be names. */
export const isNames = (fields: readonly string[]): boolean => fields.every((f) => f.trim() !== "" && !/^[-+]?\d+([.,]\d+)?$/.test(f.trim()));

export const isNumberLike = (v: string) => v.trim() !== "" && /\d/.test(v) && NUMBER.test(v.trim());

/** The shape with every character kept: "1RI-7338" → "9aa-9999". */
export const exactShapeOf = (value: string): string => asciiShape(value, false) ?? value.trim().replace(/\p{N}/gu, "9").replace(/\p{L}/gu, "a");

const DIGIT = 1;
const LETTER = 2;
const SPACE = 3;
/** ASCII characters by class: a shape is learned from thousands of values, and the regular expressions above cost most of a layout's detection. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 48 && c <= 57 ? DIGIT : (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : (c >= 9 && c <= 13) || c === 32 ? SPACE : 0,
);

/** The shape of a value of ASCII characters only (null for any other: the regular expressions know Unicode's classes). */
function asciiShape(value: string, collapse: boolean): string | null {
  let start = 0;
  let end = value.length;
  for (let i = 0; i < end; i++) if (value.charCodeAt(i) > 127) return null;
  while (start < end && ASCII_CLASS[value.charCodeAt(start)] === SPACE) start++;
  while (end > start && ASCII_CLASS[value.charCodeAt(end - 1)] === SPACE) end--;
  let out = "";
  let last = 0;
  for (let i = start; i < end; i++) {
    const code = value.charCodeAt(i);
    const kind = ASCII_CLASS[code]!;
    if (kind === 0) out += value[i];
    else if (collapse && kind === last) continue;
    else out += kind === DIGIT ? "9" : kind === LETTER ? "a" : collapse ? " " : value[i];
    last = kind;
  }
  return out;
}

export interface ColumnShapes {
  /** The shapes seen, or null when the column is free text (too many shapes to judge by). */
  shapes: Set<string> | null;
  /** The exact shapes seen (a tie-breaker between two ways of mending a line), worked out when first asked for: most layouts never ask. */
  readonly exact: Set<string>;
  numeric: boolean;
}

const MAX_SHAPES = 6;

/** The shapes of rows already looked at (by row): a layout learns from the same rows more than once. */
export type ShapeCache = WeakMap<readonly string[], RowShapes>;
interface RowShapes {
  shape: string[];
  /** Empty, or a missing-value marker (NA in a column of numbers): no value's shape, as a header's word would fit its "a". */
  none: boolean[];
  number: (boolean | undefined)[];
}

function rowShapes(row: readonly string[], cache: ShapeCache): RowShapes {
  const shapes = { shape: row.map(shapeOf), none: row.map((v) => v.trim() === "" || isMissingMarker(v)), number: [] };
  cache.set(row, shapes);
  return shapes;
}

export function learnShapes(rows: readonly (readonly string[])[], width: number, cache: ShapeCache = new WeakMap()): ColumnShapes[] {
  const known = rows.map((row) => cache.get(row) ?? rowShapes(row, cache));
  return Array.from({ length: width }, (_, c) => {
    const valued = (k: RowShapes) => c < k.none.length && !k.none[c];
    const shapes = new Set<string>();
    let count = 0;
    let numeric = true;
    for (let i = 0; i < rows.length; i++) {
      const k = known[i]!;
      if (!valued(k)) continue;
      count++;
      shapes.add(k.shape[c]!);
      numeric &&= k.number[c] ??= isNumberLike(rows[i]![c]!);
    }
    // Exact shapes cost more than the rest together (a character each), and only mending a line or a header of years asks.
    let exact: Set<string> | undefined;
    const exactShapes = () => new Set(rows.flatMap((row, i) => (valued(known[i]!) ? [exactShapeOf(row[c]!)] : [])));
    return {
      shapes: count >= 3 && shapes.size <= MAX_SHAPES ? shapes : null,
      get exact() {
        return (exact ??= exactShapes());
      },
      numeric: count > 0 && numeric,
    };
  });
}

/** Does this value fit the column? Empty values and missing-value markers fit anywhere; free text takes anything but a bare number when the column never held one. */
export function fits(column: ColumnShapes | undefined, value: string): boolean {
  if (!column || value.trim() === "" || isMissingMarker(value)) return true;
  if (column.shapes) return column.shapes.has(shapeOf(value));
  return column.numeric ? isNumberLike(value) : true;
}

/** How strongly a value belongs: a shaped column that matches says more than free text that takes anything. */
export function fitScore(column: ColumnShapes | undefined, value: string): number {
  if (!fits(column, value)) return -1;
  if (!column || value.trim() === "" || isMissingMarker(value)) return 0;
  return (column.shapes ? 1 : 0) + (column.exact.has(exactShapeOf(value)) ? 1 : 0);
}
