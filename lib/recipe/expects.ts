import { z } from "@/lib/zod";
import { columnSchema, type Column } from "@/lib/datasets/manifest";
import { parseOptionsSchema, type ParseOptions } from "@/lib/staging/parse-options";
import { ruleColumns } from "./rules";
import type { Recipe } from "./schema";
import type { Drift } from "./drift";
import { normalize, similarity } from "./match-columns";
import { valueShapeSchema, type ValueShape } from "./value-shape";

export type { Drift } from "./drift";

/** The read options a recipe carries from the file it was built on (not the lines edited in that one file). */
export const expectedReadSchema = parseOptionsSchema
  .pick({ format: true, encoding: true, delimiter: true, quote: true, escape: true, header: true, skip: true, headerLines: true, dateFormat: true, nullValues: true, numberFormat: true, types: true, sheet: true, headerRow: true, comment: true, fixedWidth: true, valueLabels: true, userMissing: true })
  .partial();

/** A column a recipe expects: its name, type, and what its values looked like (value-shape.ts), when they had a shape. */
const expectedColumnSchema = columnSchema.extend({ shape: valueShapeSchema.optional() });

/** What a recipe was built on: the columns it expects, and how their file was read. */
export const expectsSchema = z.object({ columns: z.array(expectedColumnSchema), read: expectedReadSchema });
export type Expects = z.infer<typeof expectsSchema>;

export function expectsOf(columns: readonly Column[], parse: ParseOptions, shapes: Record<string, ValueShape> = {}): Expects {
  const { format, encoding, delimiter, quote, escape, header, skip, headerLines, dateFormat, nullValues, numberFormat, types, sheet, headerRow, comment, fixedWidth, valueLabels, userMissing } = parse;
  const read = Object.fromEntries(Object.entries({ format, encoding, delimiter, quote, escape, header, skip, headerLines, dateFormat, nullValues, numberFormat, types, sheet, headerRow, comment, fixedWidth, valueLabels, userMissing }).filter(([, v]) => v !== undefined));
  return { columns: columns.map(({ name, type }) => ({ name, type, ...(shapes[name] ? { shape: shapes[name] } : {}) })), read };
}

/** How sure a proposed match is, best first. */
export type MatchKind = "same" | "remembered" | "folded" | "similar" | "shape";
export interface ProposedMatch {
  expected: Expects["columns"][number];
  /** The file's column that feeds it; null: the file lacks it. */
  actual: string | null;
  kind: MatchKind | null;
}

/**
 * For each column a recipe expects, the file's column that most likely holds
 * it: the same name, a match the user confirmed before, the same name with
 * case and punctuation folded, then the most similar name of a compatible
 * type, then the one column left whose values look alike (`shapes`: the
 * file's columns' value shapes). Each of the file's columns feeds at most one.
 */
export function proposeMatches(
  expected: Expects["columns"],
  actual: readonly Column[],
  remembered: Record<string, string> = {},
  threshold = 0.5,
  shapes: Record<string, ValueShape> = {},
): ProposedMatch[] {
  const result: ProposedMatch[] = expected.map((e) => ({ expected: e, actual: null, kind: null }));
  const used = new Set<string>();
  const names = new Set(actual.map((a) => a.name));
  const take = (i: number, name: string, kind: MatchKind) => {
    result[i] = { expected: expected[i]!, actual: name, kind };
    used.add(name);
  };
  expected.forEach((e, i) => names.has(e.name) && take(i, e.name, "same"));
  expected.forEach((e, i) => {
    const earlier = Object.entries(remembered).find(([from, to]) => to === e.name && names.has(from) && !used.has(from));
    if (!result[i]!.actual && earlier) take(i, earlier[0], "remembered");
  });
  expected.forEach((e, i) => {
    const folded = actual.find((a) => !used.has(a.name) && normalize(a.name) === normalize(e.name));
    if (!result[i]!.actual && folded) take(i, folded.name, "folded");
  });
  const candidates = expected
    .flatMap((e, i) => actual.map((a) => ({ i, a, score: similarity(a.name, e.name) + (sameKind(a.type, e.type) ? 0.1 : 0) })))
    .filter((c) => c.score >= threshold)
    .sort((x, y) => y.score - x.score || x.i - y.i);
  for (const c of candidates) if (!result[c.i]!.actual && !used.has(c.a.name)) take(c.i, c.a.name, "similar");
  expected.forEach((e, i) => {
    const alike = e.shape ? actual.filter((a) => !used.has(a.name) && shapes[a.name] === e.shape) : [];
    if (!result[i]!.actual && alike.length === 1) take(i, alike[0]!.name, "shape");
  });
  return result;
}

const sameKind = (a: string, b: string) => a.replace(/\(.*$/, "").toUpperCase() === b.replace(/\(.*$/, "").toUpperCase();

export function driftOf(expects: Expects, actual: readonly Column[], parse: ParseOptions, matches: readonly ProposedMatch[]): Drift {
  const matched = new Set(matches.flatMap((m) => (m.actual ? [m.actual] : [])));
  const types = new Map(actual.map((c) => [c.name, c.type]));
  const show = (v: unknown) => (v === undefined ? "auto" : typeof v === "object" ? JSON.stringify(v) : String(v));
  return {
    added: actual.filter((c) => !matched.has(c.name)).map((c) => c.name),
    missing: matches.filter((m) => !m.actual).map((m) => m.expected.name),
    retyped: matches.flatMap((m) => (m.actual && types.get(m.actual) !== m.expected.type ? [{ name: m.expected.name, from: m.expected.type, to: types.get(m.actual)! }] : [])),
    renamed: matches.flatMap((m) => (m.actual && m.actual !== m.expected.name ? [{ from: m.actual, to: m.expected.name }] : [])),
    read: (["format", "encoding", "delimiter", "quote", "header", "skip", "sheet"] as const).flatMap((option) =>
      expects.read[option] !== undefined && show(expects.read[option]) !== show(parse[option]) ? [{ option, from: show(expects.read[option]), to: show(parse[option]) }] : [],
    ),
  };
}

/** The rules and steps that name a column the file lacks: they cannot apply, and are left out only with the user's agreement. */
export function partsOnMissing(recipe: Recipe, missing: readonly string[]): { part: "rule" | "step"; index: number }[] {
  const lacking = (names: readonly string[]) => names.some((n) => missing.includes(n));
  const stepColumns = (s: Recipe["steps"][number]): string[] =>
    "column" in s ? [s.column] : s.kind === "rename" ? [s.from] : s.kind === "select" ? s.columns : s.kind === "dedupe" ? (s.columns ?? []) : s.kind === "mapSchema" ? s.target.flatMap((t) => (t.from ? [t.from] : [])) : [];
  return [
    ...recipe.rules.flatMap((r, index) => (lacking(ruleColumns(r)) ? [{ part: "rule" as const, index }] : [])),
    ...recipe.steps.flatMap((s, index) => (lacking(stepColumns(s)) ? [{ part: "step" as const, index }] : [])),
  ];
}

/** The recipe without the parts the user agreed to leave out. */
export function withoutParts(recipe: Recipe, parts: readonly { part: "rule" | "step"; index: number }[]): Recipe {
  const drop = (part: "rule" | "step", index: number) => parts.some((p) => p.part === part && p.index === index);
  return { ...recipe, rules: recipe.rules.filter((_, i) => !drop("rule", i)), steps: recipe.steps.filter((_, i) => !drop("step", i)) };
}

/** Whether a recipe expects columns this file does not have by those names: then its columns are matched first. */
export const needsMatching = (recipe: Recipe, columns: readonly Column[]): recipe is Recipe & { expects: Expects } =>
  recipe.expects !== undefined && recipe.expects.columns.some((c) => !columns.some((a) => a.name === c.name));

/**
 * A file's renames after another mapping: `earlier` took the file's own names to the ones it has now,
 * `next` takes those to a recipe's; the result takes the file's own names to the recipe's.
 */
export function composeRenames(earlier: Record<string, string> = {}, next: Record<string, string>): Record<string, string> {
  const now = new Map(Object.entries(earlier).map(([own, current]) => [current, own]));
  const result: Record<string, string> = { ...earlier };
  for (const [current, wanted] of Object.entries(next)) result[now.get(current) ?? current] = wanted;
  return Object.fromEntries(Object.entries(result).filter(([own, name]) => own !== name));
}
