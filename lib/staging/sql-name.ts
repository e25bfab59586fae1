import { fileStem } from "@/lib/datasets/name";
import { TRANSFORMED_VIEW } from "@/lib/recipe/pipeline";

/**
 * The name a recipe's SQL reads a staged file by ("Orders 2024.csv" →
 * orders_2024): a bare SQL identifier, never a reserved word, never
 * `transformed`, unique among the staged files. It is given once, when the
 * file is staged, and shown beside the file; a name already taken gets the
 * next free number (orders_2), so duplicates resolve visibly, never by chance.
 */
const RESERVED = new Set(
  `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default deferrable desc
describe distinct do else end except false fetch for foreign from group having in initially intersect into lambda lateral leading limit
not null offset on only or order pivot pivot_longer pivot_wider placing primary qualify references returning select show some summarize
symmetric table then to trailing true union unique unpivot using variadic when where window with ${TRANSFORMED_VIEW} recipe main temp system`.split(/\s+/),
);
const MAX_LENGTH = 60;

export function sqlNameFor(fileName: string, taken: ReadonlySet<string>): string {
  const stem = fileStem(fileName) || fileName;
  let base = stem
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, MAX_LENGTH);
  if (!base) base = "file";
  if (/^[0-9]/.test(base)) base = `f_${base}`;
  if (RESERVED.has(base)) base = `${base}_file`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
