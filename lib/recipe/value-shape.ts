import { z } from "@/lib/zod";

/**
 * What a column's values look like, whatever it is called: the last clue
 * when a recipe's column is matched to a file's whose name says nothing
 * alike (lib/recipe/expects.ts). A shape holds when most non-empty values of
 * a sample have it; the first that holds, in this order, is the column's.
 */
const SHAPES = {
  email: /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/,
  url: /^https?:\/\/\S+$/i,
  date: /^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/,
  datetime: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
  boolean: /^(true|false|yes|no|y|n|t|f)$/i,
  integer: /^[+-]?\d+$/,
  decimal: /^[+-]?(\d+[.,]\d*|[.,]\d+)$/,
  code: /^[A-Z0-9][A-Z0-9_-]{0,11}$/,
  phone: /^\+?[\d\s().-]{7,}$/,
} as const;

export const valueShapeSchema = z.enum(Object.keys(SHAPES) as [keyof typeof SHAPES, ...(keyof typeof SHAPES)[]]);
export type ValueShape = z.infer<typeof valueShapeSchema>;

/** The share of a sample's non-empty values that must have a shape for the column to have it. */
const MOST = 0.8;

export function valueShape(values: readonly (string | null)[]): ValueShape | null {
  const filled = values.map((v) => v?.trim() ?? "").filter((v) => v !== "");
  if (filled.length === 0) return null;
  for (const [shape, pattern] of Object.entries(SHAPES)) {
    if (filled.filter((v) => pattern.test(v)).length >= MOST * filled.length) return shape as ValueShape;
  }
  return null;
}

/** Each column's shape, from a page of rows (one text array per column). */
export const shapesOf = (names: readonly string[], columns: readonly (string | null)[][]): Record<string, ValueShape> =>
  Object.fromEntries(names.flatMap((name, i) => {
    const shape = valueShape(columns[i] ?? []);
    return shape ? [[name, shape]] : [];
  }));
