import type { Column } from "@/lib/datasets/manifest";
import { BOOLEANS, passesSql } from "@/lib/recipe/rules";
import type { Rule } from "@/lib/recipe/schema";
import { COLUMN_NAME, columnValuesSql, VALUE } from "@/lib/sql/column-values";
import { ident, literal } from "@/lib/sql/quote";
import { fieldRows, type Dialect } from "./records";
import { mayBeNumber, NUMBER_FORMATS, numberPattern, type NumberFormat } from "./number-format";

/**
 * Text columns that are a type but for a few values: 12,50 7,00 abc 1,00.
 * DuckDB's sniffer reads a column as text when one value of its sample does
 * not fit a type, and says nothing; a value that fails further down, past its
 * sample, is found as the read casts it (mend.ts). These are found the same
 * way, as a finding that names the values and the type rule that rejects
 * them, whether the odd value is on the third line or the thirty-thousandth.
 * The column stays text: it is the user's call.
 */
type TypeRule = Extract<Rule, { kind: "type" }>;
type PatternRule = Extract<Rule, { kind: "pattern" }>;
/** A kind is a type rule's, or numbers written for people in a format (`written`: $1,234.56, (56.10), 12.5 %), which no type rule reads. */
type Kind = { type: string; rule: Pick<TypeRule, "type" | "decimalChar"> & { format?: string }; written?: NumberFormat };

/** What a text column is tried as, in the order a tie is settled, with the DuckDB type a finding names. */
export const KINDS: readonly Kind[] = [
  { type: "BIGINT", rule: { type: "integer" } },
  { type: "DOUBLE", rule: { type: "decimal" } },
  { type: "DOUBLE", rule: { type: "decimal", decimalChar: "," } },
  { type: "DATE", rule: { type: "date" } },
  { type: "TIMESTAMP", rule: { type: "timestamp" } },
  // Dates as people write them, day first before month first where both read (as written-dates.ts settles it).
  ...["%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d"].map((format): Kind => ({ type: "DATE", rule: { type: "date", format } })),
  // Amounts as people write them, read as numbers when every value fits (workers/engine/csv/numbers.ts): with one that does not, said so here.
  ...NUMBER_FORMATS.map((written): Kind => ({ type: "DOUBLE", rule: { type: "decimal", ...(written === "comma" ? { decimalChar: "," as const } : {}) }, written })),
  // Yes and no as words (Y/N, yes/no), which DuckDB casts to booleans but its sniffer reads as text, every value of them too.
  { type: "BOOLEAN", rule: { type: "boolean" } },
];

/** At most this share of a column's values may not fit (and always one): more, and it is text. */
const MISFIT_SHARE = 0.01;
/** Values that fit, at least: two numbers and a word are no column of numbers. */
const MIN_FITTING = 3;

export interface NearType {
  column: string;
  /** The DuckDB type the column would have but for its misfits. */
  type: string;
  /** The rule that finds the misfits: a type rule, or for numbers written for people the pattern they are written in. */
  rule: TypeRule | PatternRule;
  written?: NumberFormat;
  /** Dates written several ways: their formats, the most's first (`rule` finds the values not written the first way). */
  ways?: string[];
  /** Of each way, the values it reads and no way before it does (once counted: workers/engine/near-types.ts). */
  wayCounts?: number[];
}

export function nearTypeRule(column: string, kind: Kind): TypeRule | PatternRule {
  if (kind.written) return { id: "near", kind: "pattern", column, pattern: `^\\s*(?:${numberPattern(kind.written)})\\s*$`, severity: "reject", enabled: true };
  return { id: "near", kind: "type", column, ...kind.rule, severity: "reject", enabled: true };
}

/**
 * The shape of a date of a kind, tested before the date is parsed: a parse that fails costs DuckDB 20 times
 * one that succeeds (a column of a million ids took 11 s against the date kinds, a column of dates 9 s against
 * the kinds it is not). Narrower than the parse only for what no data is written as (years before 100, `epoch`).
 */
const ISO_START = "^\\s*-?\\d{3,}[-/ ]\\d{1,2}[-/ ]\\d{1,2}";
const FORMAT_PARTS: Record<string, string> = { "%d": "(0?[1-9]|[12]\\d|3[01])", "%m": "(0?[1-9]|1[0-2])", "%Y": "\\d{4}" };

export function dateShape(rule: Kind["rule"]): string | null {
  if (rule.type !== "date" && rule.type !== "timestamp") return null;
  if (!rule.format) return ISO_START;
  const parts = rule.format.split(/(%[dmY])/).map((part) => FORMAT_PARTS[part] ?? part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return `^\\s*${parts.join("")}\\s*$`;
}

/** The scan's test that a value fits a kind: the rule's own check, after the shape for a date. */
function fitsSql(name: string, kind: Kind, text: readonly Column[]): string {
  const passes = passesSql(nearTypeRule(name, kind), text);
  const shape = dateShape(kind.rule);
  return shape ? `CASE WHEN regexp_matches(${ident(name)}, ${literal(shape)}) THEN ${passes} ELSE false END` : passes;
}

const kindsFor = (delimiter: string) => KINDS.filter((k) => !(k.rule.decimalChar && delimiter === ","));

/**
 * One row per column (its name as `column_name`): `n`, its values not blank, and per kind `f{k}`, those that do not fit
 * it (over the first `limit` rows, or all); of the kinds `tried` gives (a kind left out counts every value), or all.
 * The columns' values are scanned as one column (lib/sql/column-values.ts), so that each kind's test is planned once.
 */
export function nearTypesSql(table: string, columns: readonly string[], delimiter: string, limit?: number, tried?: readonly number[]): string {
  const text = [{ name: VALUE, type: "VARCHAR" }] satisfies Column[];
  const given = `trim(${ident(VALUE)}) <> ''`;
  const kinds = kindsFor(delimiter);
  const dates = dateKinds(kinds).filter((k) => !tried || tried.includes(k));
  const aggregates = [
    `count(*) FILTER (WHERE ${given}) AS n`,
    ...kinds.flatMap((kind, k) => (tried && !tried.includes(k) ? [] : [`count(*) FILTER (WHERE ${given} AND NOT ${fitsSql(VALUE, kind, text)}) AS f${k}`])),
    ...(dates.length > 1 ? [`count(*) FILTER (WHERE ${given} AND NOT (${dates.map((k) => fitsSql(VALUE, kinds[k]!, text)).join(" OR ")})) AS u`] : []),
  ];
  return `SELECT ${ident(COLUMN_NAME)}, ${aggregates.join(", ")} FROM (${columnValuesSql(table, columns, limit)}) GROUP BY ${ident(COLUMN_NAME)}`;
}

/** `nearTypesSql`'s rows by column, in the columns' order (a column of no values has no row). */
const byColumn = (rows: readonly Record<string, unknown>[], columns: readonly string[]) => {
  const of = new Map(rows.map((row) => [String(row[COLUMN_NAME]), row]));
  return columns.map((column) => [column, of.get(column) ?? {}] as const);
};

/** A kind's misses of a column's values are few enough, and enough values fit it. */
const nearly = (given: number, misses: number) => misses <= Math.max(1, Math.floor(given * MISFIT_SHARE)) && given - misses >= MIN_FITTING;

/** The columns of `nearTypesSql`'s rows that are a type but for a few values, each by the kind fewest values miss. */
export function nearTypes(rows: readonly Record<string, unknown>[], columns: readonly string[], delimiter: string): NearType[] {
  const kinds = kindsFor(delimiter);
  return byColumn(rows, columns).flatMap(([column, row]): NearType[] => {
    const given = Number(row.n ?? 0);
    const misses = kinds.map((_, k) => Number(row[`f${k}`] ?? given));
    const fewest = Math.min(...misses);
    // A column that fits a kind whole was read as that type by DuckDB, but for yes and no as words.
    if (fewest === 0) return kinds[misses.indexOf(0)]!.type === "BOOLEAN" && given >= MIN_FITTING ? [{ column, type: "BOOLEAN", rule: nearTypeRule(column, kinds[misses.indexOf(0)]!) }] : [];
    const ways = writtenWays(row, kinds, given);
    if (ways.length) return [{ column, type: "DATE", rule: nearTypeRule(column, kinds[ways[0]!]!), ways: ways.map((k) => kinds[k]!.rule.format ?? ISO_DATE) }];
    if (!nearly(given, fewest)) return [];
    const kind = kinds[misses.indexOf(fewest)]!;
    return [{ column, type: kind.type, rule: nearTypeRule(column, kind), ...(kind.written ? { written: kind.written } : {}) }];
  });
}

/** strptime's format for the dates DuckDB reads as ISO's. */
const ISO_DATE = "%Y-%m-%d";

const dateKinds = (kinds: readonly Kind[]) => kinds.flatMap((kind, k) => (kind.type === "DATE" ? [k] : []));

/**
 * A column of dates written more than one way (2024-01-05 and 21/8/2024, as files joined from two sources are): all its
 * values but a few fit one date kind or another, and fewer fit none than miss any one. Its date kinds with values, the most's first.
 */
function writtenWays(row: Record<string, unknown>, kinds: readonly Kind[], given: number): number[] {
  const unfit = row.u;
  if (unfit === undefined || !nearly(given, Number(unfit))) return [];
  const misses = (k: number) => Number(row[`f${k}`] ?? given);
  const dates = dateKinds(kinds);
  if (dates.some((k) => misses(k) <= Number(unfit))) return [];
  const ways = dates.filter((k) => misses(k) < given);
  return ways.length > 1 ? ways.sort((a, b) => misses(a) - misses(b)) : [];
}

/**
 * For a column of dates written several ways (`ways`, the most's first), one row: per way `w{j}`, the values that fit
 * it and no way before it. A way that adds none (month first, where day first reads every value it reads) is left out.
 */
export function waysAddedSql(table: string, column: string, ways: readonly string[]): string {
  const c = ident(column);
  const fit = (format: string) => `CASE WHEN regexp_matches(${c}, ${literal(dateShape({ type: "date", format })!)}) THEN try_strptime(${c}, ${literal(format)}) IS NOT NULL ELSE false END`;
  return `SELECT ${ways.map((way, j) => `count(*) FILTER (WHERE ${[fit(way), ...ways.slice(0, j).map((before) => `NOT ${fit(before)}`)].join(" AND ")}) AS w${j}`).join(", ")} FROM ${ident(table)}`;
}

/**
 * Of a sample's rows (the first rows), the columns to check whole, each with the kinds that may still be its type:
 * those with no misses too, as a text column whose first rows all fit has its odd value further down.
 */
export function kindsWorthTrying(rows: readonly Record<string, unknown>[], columns: readonly string[], delimiter: string): Map<string, number[]> {
  const kinds = kindsFor(delimiter);
  return new Map(
    byColumn(rows, columns).flatMap(([column, row]): [string, number[]][] => {
      const given = Number(row.n ?? 0);
      const worth = kinds.flatMap((_, k) => (nearly(given, Number(row[`f${k}`] ?? given)) ? [k] : []));
      for (const way of writtenWays(row, kinds, given)) if (!worth.includes(way)) worth.push(way);
      return worth.length ? [[column, worth]] : [];
    }),
  );
}

/** A value written as a number or a date may be (digits with signs, separators, an exponent or a T): anything else is text. */
const NUMBER_OR_DATE_LIKE = /^[\s+\-0-9.,:/eET]*\d[\s+\-0-9.,:/eET]*$/;
/** Yes and no as the words a boolean type rule takes. */
const YES_OR_NO = new Set(BOOLEANS);
/** The share of a column's first values that may not look like numbers or dates (and always one) for the column to be checked at all. */
const UNLIKE_SHARE = 0.1;

/**
 * The columns worth a check (by name, in the order of the file's fields), from the file's first lines alone:
 * all their values but a few look like numbers or dates. A check is six aggregates a column; this costs nothing.
 */
export function mayBeNearTyped(lines: readonly string[], dialect: Dialect, names: readonly string[]): string[] {
  return likeNumbersOrDates(fieldRows(lines, dialect), names);
}

/** The columns (by name, in the order of the rows' values) whose first values all look like numbers, dates or yes and no but a few. */
export function likeNumbersOrDates(rows: readonly (readonly string[])[], names: readonly string[]): string[] {
  return names.filter((_, i) => {
    const values = rows.map((r) => (r[i] ?? "").trim()).filter((v) => v !== "");
    const like = values.filter((v) => NUMBER_OR_DATE_LIKE.test(v) || mayBeNumber(v) || YES_OR_NO.has(v.toLowerCase())).length;
    return like >= MIN_FITTING && values.length - like <= Math.max(1, values.length * UNLIKE_SHARE);
  });
}

