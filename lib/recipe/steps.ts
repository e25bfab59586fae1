import { spliced } from "@/lib/sql/fragment";
import { ident, literal } from "@/lib/sql/quote";
import { isSafeTypeName } from "@/lib/sql/types";
import type { Step } from "./schema";

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

export function compileSteps(input: string, steps: readonly Step[], columns: readonly string[], hidden: readonly string[] = []): CompiledSteps {
  let current = [...columns];
  const ctes: string[] = [];
  const stepSql: string[] = [];
  let prev = input;
  for (const [index, step] of steps.entries()) {
    if (!step.enabled) {
      stepSql.push("");
      continue;
    }
    const compiled = compileStep(step, prev, current, hidden);
    if (typeof compiled === "string") return { ok: false, step: index, reason: compiled };
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
      return mapColumn(step.column, (c) => `CAST(${c} AS ${step.type.trim()})`);
    case "trim":
      return mapColumn(step.column, (c) => `trim(${c})`);
    case "case":
      return mapColumn(step.column, (c) => `${step.to}(${c})`);
    case "fillNull":
      return mapColumn(step.column, (c) => `coalesce(${c}, ${literal(step.value)})`);
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
      return `Change ${step.column} to ${step.type}`;
    case "trim":
      return `Trim spaces in ${step.column}`;
    case "case":
      return `Make ${step.column} ${step.to}case`;
    case "fillNull":
      return `Fill empty ${step.column} with "${step.value}"`;
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
