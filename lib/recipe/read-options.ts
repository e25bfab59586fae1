import type { Column } from "@/lib/datasets/manifest";
import { NUMBER_EXAMPLE } from "@/lib/csv/number-format";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { Expects } from "./expects";

/** The read options a recipe carries to the next file, besides the format and the forced types, by format. */
const CSV = ["encoding", "delimiter", "quote", "escape", "header", "skip", "headerLines", "comment", "dateFormat", "nullValues", "numberFormat", "fixedWidth"] as const;
const SHEET = ["sheet", "headerRow"] as const;
const LABELLED = ["valueLabels"] as const;
const SPSS = [...LABELLED, "userMissing"] as const;
const CARRIED = [...CSV, ...SHEET, ...SPSS] as const;
const BY_FORMAT: Record<ParseOptions["format"], readonly (typeof CARRIED)[number][]> = { csv: CSV, xlsx: SHEET, html: ["encoding", "headerRow"], xml: ["encoding", "sheet", "headerRow"], sqlite: ["sheet"], dbf: ["encoding"], dta: LABELLED, sav: SPSS, sas7bdat: LABELLED, xpt: [], arrow: [], por: SPSS, json: [], ndjson: [], parquet: [] };
/** Values that say no more than a file read as it comes: UTF-8 (detected from the bytes otherwise), names in the first row, codes as their labels, declared missing values empty. */
const AS_IT_COMES: Partial<Record<(typeof CARRIED)[number], unknown>> = { encoding: "utf-8", headerRow: 1, valueLabels: "labels", userMissing: "empty" };

/** The read options a recipe states for its format, without those that only say "as it comes". */
export function statedReadOptions(read: Expects["read"]): Partial<ParseOptions> {
  const stated: Record<string, unknown> = {};
  for (const key of read.format ? BY_FORMAT[read.format] : CARRIED) {
    const value = read[key];
    if (value !== undefined && value !== AS_IT_COMES[key] && !(Array.isArray(value) && value.length === 0)) stated[key] = value;
  }
  if (Object.keys(read.types ?? {}).length) stated.types = read.types;
  return stated as Partial<ParseOptions>;
}

/**
 * The read options a recipe carries (from the file it was built on) that
 * this file is not read with now: the file is read with them before the
 * recipe applies. Only for a file of the recipe's format (a sheet or a
 * delimiter means nothing to the other kind); forced types only for the
 * columns the file has by those names. Nothing: the file is read as the recipe
 * expects already.
 */
export function readOptionsFrom(expects: Expects, parse: ParseOptions, columns: readonly Column[]): Partial<ParseOptions> {
  if (expects.read.format !== undefined && expects.read.format !== parse.format) return {};
  const { types: stated = {}, ...read } = statedReadOptions(expects.read);
  const changed: Record<string, unknown> = Object.fromEntries(Object.entries(read).filter(([key, value]) => JSON.stringify(parse[key as keyof ParseOptions]) !== JSON.stringify(value)));
  const names = new Set(columns.map((c) => c.name));
  const types = Object.entries(stated).filter(([name, type]) => names.has(name) && parse.types[name] !== type);
  if (types.length) changed.types = { ...parse.types, ...Object.fromEntries(types) };
  return changed as Partial<ParseOptions>;
}

const quoted = (text: string) => `“${text === "\t" || text === "\\t" ? "tab" : text}”`;

/** The options in words, for the notice that says how the file was read again. */
export function describeReadOptions(options: Partial<ParseOptions>): string {
  const words: Record<(typeof CARRIED)[number] | "types", (v: never) => string> = {
    encoding: (v: string) => `encoding ${v}`,
    delimiter: (v: string) => `delimiter ${quoted(v)}`,
    quote: (v: string) => `quote ${quoted(v)}`,
    escape: (v: string) => `escape ${quoted(v)}`,
    header: (v: boolean) => (v ? "a header row" : "no header row"),
    skip: (v: number) => `${v} line${v === 1 ? "" : "s"} skipped above the header`,
    headerLines: (v: number) => `${v} header lines`,
    comment: (v: string) => `comments starting with ${quoted(v)}`,
    dateFormat: (v: string) => `dates as ${v}`,
    nullValues: (v: string[]) => `${v.map(quoted).join(", ")} read as empty`,
    numberFormat: (v: NonNullable<ParseOptions["numberFormat"]>) => (v === "plain" ? "plain numbers only" : `numbers written as ${NUMBER_EXAMPLE[v]}`),
    sheet: (v: string) => `sheet ${quoted(v)}`,
    headerRow: (v: number) => `column names in row ${v}`,
    fixedWidth: (v: number[]) => (v.length ? `fixed-width columns at characters ${v.map((s) => s + 1).join(", ")}` : "delimited columns"),
    valueLabels: (v: NonNullable<ParseOptions["valueLabels"]>) => (v === "codes" ? "labelled codes as codes" : v === "both" ? "labelled codes as codes, their labels beside" : "labelled codes as their labels"),
    userMissing: (v: NonNullable<ParseOptions["userMissing"]>) => (v === "kept" ? "declared missing values kept" : "declared missing values as empty"),
    types: (v: Record<string, string>) => `types ${Object.entries(v).map(([name, type]) => `${name} ${type}`).join(", ")}`,
  };
  return Object.entries(options)
    .filter(([key]) => key in words)
    .map(([key, value]) => (words[key as keyof typeof words] as (v: unknown) => string)(value))
    .join(", ");
}
