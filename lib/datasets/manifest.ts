import { z } from "@/lib/zod";
import { driftSchema } from "@/lib/recipe/drift";

/**
 * The manifest sits beside a dataset version's data file and is written last:
 * a version exists exactly when its manifest does. It carries the lineage:
 * which staged files (by checksum) and which recipe made the data, and the
 * row counts, which must reconcile.
 */
export const columnSchema = z.object({ name: z.string(), type: z.string() });
/**
 * A version's column: its unit and its label where its file gave them, and the labels of its codes where a
 * statistical dataset's labelled codes were kept as codes (lib/datasets/column-units.ts).
 */
const versionColumnSchema = columnSchema.extend({
  unit: z.string().optional(),
  label: z.string().optional(),
  categories: z.array(z.object({ value: z.union([z.number(), z.string()]), label: z.string() })).optional(),
});

const count = z.number().int().nonnegative();
/** Where every line of a CSV source went (lib/csv/accounting.ts): the sum is the file's lines. */
const linesSchema = z
  .object({ total: count, preamble: count, header: count, notes: count, blank: count, setAside: count, comments: count.optional(), rowLines: count, rows: count, repaired: count })
  .refine((l) => l.total === l.preamble + l.header + l.notes + l.blank + l.setAside + (l.comments ?? 0) + l.rowLines, {
    message: "a source's lines must add up: above the table + header + below it + blank + set aside + comments + read as rows",
  });

export const manifestSchema = z
  .object({
    kind: z.literal("stages.dataset-manifest"),
    manifestVersion: z.literal(1),
    name: z.string().min(1),
    /** What its file said the dataset is (a statistical dataset's label), where it said. */
    title: z.string().optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    appVersion: z.string(),
    schema: z.array(versionColumnSchema),
    rows: z.object({
      in: z.number().int().nonnegative(),
      valid: z.number().int().nonnegative(),
      rejected: z.number().int().nonnegative(),
      promoted: z.number().int().nonnegative(),
    }),
    sources: z.array(
      z.object({
        name: z.string(),
        sha256: z.string(),
        size: z.number().int().nonnegative(),
        /** The file this one was cut from (a workbook's sheet, a CSV's second table): its name, checksum and the part. */
        derivedFrom: z.object({ name: z.string(), sha256: z.string(), part: z.string() }).optional(),
        /** Where the file was fetched from, when it was (a link the user gave, a share link's source). */
        url: z.string().optional(),
        /** Files read with it: a dBase table's memo file (.dbt, .fpt), a shapefile's geometry (.shp). */
        companions: z.array(z.object({ kind: z.enum(["memo", "shp", "catalog"]), name: z.string(), sha256: z.string(), size: z.number().int().nonnegative() })).optional(),
        lines: linesSchema.optional(),
        /** A version made of several files: this file's rows, which reconcile on their own (rows in = promoted + rejected, or read by the SQL stage). */
        rows: z.object({ in: count, rejected: count, promoted: count }).optional(),
      }),
    ),
    /** Set when the recipe's SQL reshaped the rows: how many it read and wrote. */
    sqlStage: z.object({ rowsIn: z.number().int().nonnegative(), rowsOut: z.number().int().nonnegative() }).nullable(),
    recipe: z.unknown().nullable(),
    recipeSha256: z.string().nullable(),
    /** Cells edited by hand (the recipe's edits in force), and how many of them name a cell the data lacks (not applied). */
    edits: z.object({ cells: count, notApplied: count }).optional(),
    /** How the source differed from the columns the recipe was built on, when they were matched. */
    drift: driftSchema.optional(),
    data: z.object({
      file: z.string(),
      format: z.literal("parquet"),
      compression: z.string(),
      size: z.number().int().nonnegative(),
      sha256: z.string(),
    }),
  })
  .refine(
    (m) =>
      m.sqlStage
        ? m.rows.in === m.sqlStage.rowsIn + m.rows.rejected && m.rows.promoted === m.sqlStage.rowsOut
        : m.rows.in === m.rows.promoted + m.rows.rejected,
    { message: "rows in must equal rows promoted (or read by the SQL stage) + rows rejected", path: ["rows"] },
  )
  .refine((m) => m.sources.some((s) => !s.lines) || m.sources.reduce((n, s) => n + s.lines!.rows, 0) === m.rows.in, {
    message: "rows in must equal the rows read from the sources' lines",
    path: ["sources"],
  })
  .refine(
    (m) => {
      if (m.sources.some((s) => !s.rows)) return true;
      const sum = (k: "in" | "rejected" | "promoted") => m.sources.reduce((n, s) => n + s.rows![k], 0);
      const each = m.sqlStage || m.sources.every((s) => s.rows!.in === s.rows!.promoted + s.rows!.rejected);
      return each && sum("in") === m.rows.in && sum("rejected") === m.rows.rejected && sum("promoted") === m.rows.promoted;
    },
    { message: "each source's rows must reconcile, and add up to the version's", path: ["sources"] },
  );

export type Manifest = z.infer<typeof manifestSchema>;
export type Column = z.infer<typeof versionColumnSchema>;

export function parseManifest(json: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
