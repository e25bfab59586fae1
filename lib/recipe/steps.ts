import { spliced } from "@/lib/sql/fragment";
import { ident, literal } from "@/lib/sql/quote";
import { isSafeTypeName } from "@/lib/sql/types";
import type { Step } from "./schema";
import { decimalCommaText } from "./rules";
import { describeFormat, formatSql } from "./date-format";
import { serialDateSql } from "./serial-days";

/**
 * Steps compile to a chain of SELECTs (one CTE per enabled step). The
 * compiler tracks the column list through the chain, so each step's SQL
 * names its columns; hidden columns (row and line numbers) ride along.
 */
export type CompiledSteps =
  | { ok: true; sql: string; columns: string[]; stepSql: string[] }
  | { ok: false; step: number; reason: string };

interface Compiled {
  select: string;
  columns: string[];
}

/**
 * `allRows`: every row the steps' input came from, rejected ones too, by the first hidden column (the staged
 * row's number), with the staged columns: where filling down finds the value above a row.
 */
export function compileSteps(input: string, steps: readonly Step[], columns: readonly string[], hidden: readonly string[] = [], allRows?: string): CompiledSteps {
  let current = [...columns];
  const ctes: string[] = [];
  const stepSql: string[] = [];
  const changed = new Set<string>();
  let prev = input;
  for (const [index, step] of steps.entries()) {
    if (!step.enabled) {
      stepSql.push("");
      continue;
    }
    const fillsDown = step.kind === "fillDown" && current.includes(step.column);
    if (fillsDown && (changed.has(step.column) || !columns.includes(step.column))) {
      return { ok: false, step: index, reason: `Fill down takes the value above from the rows as staged: put it before the steps that make or change "${step.column}".` };
    }
    const compiled = fillsDown && allRows && hidden.length ? fillDown(step.column, prev, current, hidden, allRows) : compileStep(step, prev, current, hidden);
    if (typeof compiled === "string") return { ok: false, step: index, reason: compiled };
    for (const c of changedColumns(step, current)) changed.add(c);
    const name = `step_${ctes.length + 1}`;
    ctes.push(`${name} AS (${compiled.select})`);
    stepSql.push(compiled.select);
    current = compiled.columns;
    prev = name;
  }
  const body = `SELECT * FROM ${prev}`;
  return { ok: true, sql: ctes.length ? `WITH ${ctes.join(",\n")}\n${body}` : body, columns: current, stepSql };
}

function compileStep(step: Step, from: string, columns: string[], hidden: readonly string[]): Compiled | string {
  const missing = stepColumns(step).filter((c) => !columns.includes(c));
  if (missing.length) return `This step refers to ${missing.map((m) => `"${m}"`).join(", ")}, which the data does not have here.`;
  const keep = hidden.map(ident);
  const project = (exprs: [string, string][]): Compiled => ({
    select: `SELECT ${[...keep, ...exprs.map(([e, a]) => (e === ident(a) ? e : `${e} AS ${ident(a)}`))].join(", ")} FROM ${from}`,
    columns: exprs.map(([, a]) => a),
  });
  const mapColumn = (target: string, expr: (c: string) => string) =>
    project(columns.map((c) => [c === target ? expr(ident(c)) : ident(c), c]));

  switch (step.kind) {
    case "select":
      return project(step.columns.map((c) => [ident(c), c]));
    case "rename":
      if (step.from !== step.to && columns.includes(step.to)) return `A column named "${step.to}" already exists.`;
      return project(columns.map((c) => [ident(c), c === step.from ? step.to : c]));
    case "cast":
      if (!isSafeTypeName(step.type)) return `"${step.type}" is not a type name.`;
      return mapColumn(step.column, (c) => `CAST(${castFrom(c, step)} AS ${step.type.trim()})`);
    case "trim":
      return mapColumn(step.column, (c) => `trim(${c})`);
    case "case":
      return mapColumn(step.column, (c) => `${step.to}(${c})`);
    case "fillNull":
      return mapColumn(step.column, (c) => `coalesce(${c}, ${literal(step.value)})`);
    case "fillDown":
      // Over the rows the steps see, in their order (the first hidden column, the staged row's number, where there is one).
      return mapColumn(step.column, (c) => lastFilled(c, hidden[0]));
    case "replace":
      return mapColumn(step.column, (c) => `replace(${c}, ${literal(step.find)}, ${literal(step.replace)})`);
    case "filter":
      return { select: `SELECT * FROM ${from} WHERE ${spliced(step.where)}`, columns };
    case "dedupe": {
      const keys = (step.columns?.length ? step.columns : columns).map(ident).join(", ");
      const order = hidden.length ? ` ORDER BY ${ident(hidden[0]!)}` : "";
      return { select: `SELECT * FROM ${from} QUALIFY row_number() OVER (PARTITION BY ${keys}${order}) = 1`, columns };
    }
    case "derive":
      return project([
        ...columns.filter((c) => c !== step.name).map((c): [string, string] => [ident(c), c]),
        [spliced(step.expression), step.name],
      ]);
    case "split": {
      const clash = step.into.find((n) => columns.includes(n) && n !== step.column);
      if (clash) return `A column named "${clash}" already exists.`;
      return project([
        ...columns.map((c): [string, string] => [ident(c), c]),
        ...step.into.map((n, i): [string, string] => [`string_split(CAST(${ident(step.column)} AS VARCHAR), ${literal(step.delimiter)})[${i + 1}]`, n]),
      ]);
    }
    case "mapSchema": {
      const badType = step.target.find((t) => !isSafeTypeName(t.type));
      if (badType) return `"${badType.type}" is not a type name.`;
      if (new Set(step.target.map((t) => t.name)).size !== step.target.length) return "Each target column needs its own name.";
      return project(step.target.map((t) => [`CAST(${t.from === null ? "NULL" : ident(t.from)} AS ${t.type.trim()})`, t.name]));
    }
  }
}

/** A value that is there: not null, not empty text, not spaces alone. */
const filled = (c: string) => `trim(CAST(${c} AS VARCHAR)) <> ''`;
const FILL = "_stages_fill";
/** The last value that is there, at or above each row, in the order of `row` (else the rows' own order). */
const lastFilled = (c: string, row: string | undefined) =>
  `last_value(CASE WHEN ${filled(c)} THEN ${c} END IGNORE NULLS) OVER (${row ? `ORDER BY ${ident(row)} ` : ""}ROWS UNBOUNDED PRECEDING)`;

/**
 * Each empty value of `column` takes the last value above it among all the rows (`allRows`, joined by the
 * row's number): a group's name written on its first row only stays with its group even where the rules
 * rejected that first row, or a filter removed it.
 */
function fillDown(column: string, from: string, columns: string[], hidden: readonly string[], allRows: string): Compiled {
  const row = ident(hidden[0]!);
  const c = ident(column);
  const fills = `SELECT ${row}, ${lastFilled(c, hidden[0])} AS ${FILL} FROM ${allRows}`;
  const values = columns.map((name) => (name === column ? `CASE WHEN ${filled(`s.${c}`)} THEN s.${c} ELSE f.${FILL} END AS ${c}` : `s.${ident(name)}`));
  return {
    select: `SELECT ${[...hidden.map((h) => `s.${ident(h)}`), ...values].join(", ")} FROM ${from} AS s LEFT JOIN (${fills}) AS f ON f.${row} = s.${row}`,
    columns,
  };
}

/** What a cast step casts: the value, its text with the decimal comma made the point, or the date its text is in a format. */
function castFrom(c: string, step: Extract<Step, { kind: "cast" }>): string {
  if (step.from === "excelSerial") return serialDateSql(c, step.type);
  if (step.format) return `strptime(CAST(${c} AS VARCHAR), ${formatSql(step.format)})`;
  return step.decimalChar ? decimalCommaText(c) : c;
}

/** The columns a step makes or changes the values of. */
function changedColumns(step: Step, columns: readonly string[]): string[] {
  switch (step.kind) {
    case "cast":
    case "trim":
    case "case":
    case "fillNull":
    case "replace":
      return [step.column];
    case "rename":
      return [step.from, step.to];
    case "derive":
      return [step.name];
    case "split":
      return step.into;
    case "mapSchema":
      return [...columns, ...step.target.map((t) => t.name)];
    default:
      return [];
  }
}

function stepColumns(step: Step): string[] {
  switch (step.kind) {
    case "select":
      return step.columns;
    case "rename":
      return [step.from];
    case "dedupe":
      return step.columns ?? [];
    case "filter":
    case "derive":
      return [];
    case "mapSchema":
      return step.target.flatMap((t) => (t.from === null ? [] : [t.from]));
    default:
      return [step.column];
  }
}

/** One line of plain words per step, for the step list. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case "select":
      return `Keep columns ${step.columns.join(", ")}`;
    case "rename":
      return `Rename ${step.from} to ${step.to}`;
    case "cast":
      return `Change ${step.column} to ${step.type}${step.decimalChar ? " (its decimal comma read as the point)" : ""}${step.format ? ` (written as ${describeFormat(step.format)})` : ""}${step.from === "excelSerial" ? " (from Excel’s serial day numbers)" : ""}`;
    case "trim":
      return `Trim spaces in ${step.column}`;
    case "case":
      return `Make ${step.column} ${step.to}case`;
    case "fillNull":
      return `Fill empty ${step.column} with "${step.value}"`;
    case "fillDown":
      return `Fill empty ${step.column} with the value above`;
    case "replace":
      return `Replace "${step.find}" with "${step.replace}" in ${step.column}`;
    case "filter":
      return `Keep rows where ${step.where}`;
    case "dedupe":
      return `Remove duplicate rows${step.columns?.length ? ` by ${step.columns.join(", ")}` : ""}`;
    case "derive":
      return `Add ${step.name} = ${step.expression}`;
    case "split":
      return `Split ${step.column} on "${step.delimiter}" into ${step.into.join(", ")}`;
    case "mapSchema":
      return `Map onto the target schema: ${step.target.map((t) => `${t.name} ${t.type} ← ${t.from ?? "(empty)"}`).join(", ")}`;
  }
}
