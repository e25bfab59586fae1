import type { Rule, RuleKind, Step, StepKind } from "./schema";
import { formatText, parseFormatText, type DateFormat } from "./date-format";
import { SELF } from "./references";
import { ruleSchema, stepSchema } from "./schema";

/**
 * The fields a user fills in to add a rule or a step, and how the filled-in
 * text becomes a checked Rule or Step (or the reason it cannot).
 */
export interface FieldSpec {
  name: string;
  label: string;
  /** `file`: another staged file's SQL name, or this file (`THIS_FILE`); `fileColumn`: a column of the file chosen in the `file` field. */
  input: "column" | "columns" | "text" | "number" | "choice" | "checkbox" | "file" | "fileColumn";
  choices?: readonly string[];
  optional?: boolean;
}

type Forms<K extends string> = Record<K, { label: string; fields: FieldSpec[] }>;

const column: FieldSpec = { name: "column", label: "Column", input: "column" };

export const RULE_FORMS: Forms<RuleKind> = {
  required: { label: "Required (not empty)", fields: [column] },
  unique: { label: "Unique", fields: [column] },
  type: {
    label: "Must be of a type",
    fields: [
      column,
      { name: "type", label: "Type", input: "choice", choices: ["integer", "decimal", "date", "timestamp", "boolean"] },
      { name: "format", label: "Format (e.g. %d/%m/%Y; several: %Y-%m-%d | %d/%m/%Y)", input: "text", optional: true },
    ],
  },
  range: {
    label: "Between a minimum and a maximum",
    fields: [column, { name: "min", label: "Minimum", input: "text", optional: true }, { name: "max", label: "Maximum", input: "text", optional: true }],
  },
  length: {
    label: "Text length",
    fields: [column, { name: "min", label: "Minimum length", input: "number", optional: true }, { name: "max", label: "Maximum length", input: "number", optional: true }],
  },
  pattern: { label: "Matches a pattern", fields: [column, { name: "pattern", label: "Regular expression", input: "text" }] },
  oneOf: { label: "One of a list", fields: [column, { name: "values", label: "Allowed values (comma-separated)", input: "text" }] },
  expression: {
    label: "Custom SQL condition",
    fields: [{ name: "sql", label: "SQL condition (true when the row is good)", input: "text" }, { name: "label", label: "Message", input: "text", optional: true }],
  },
  uniqueKey: { label: "Unique over several columns", fields: [{ name: "columns", label: "Columns", input: "columns" }] },
  reference: {
    label: "Found in a column (foreign key)",
    fields: [column, { name: "file", label: "Staged file", input: "file" }, { name: "field", label: "Its column", input: "fileColumn" }],
  },
  columns: {
    label: "Expected columns",
    fields: [{ name: "expected", label: "Columns", input: "columns" }, { name: "allowExtra", label: "Allow other columns", input: "checkbox" }],
  },
};

/** Steps made with a plain form; mapping onto a target schema has its own. */
export type FormStepKind = Exclude<StepKind, "mapSchema">;

export const STEP_FORMS: Forms<FormStepKind> = {
  select: { label: "Keep and order columns", fields: [{ name: "columns", label: "Columns, in order", input: "columns" }] },
  rename: { label: "Rename a column", fields: [{ name: "from", label: "Column", input: "column" }, { name: "to", label: "New name", input: "text" }] },
  cast: {
    label: "Change type",
    fields: [column, { name: "type", label: "Type (e.g. INTEGER, DATE, DECIMAL(10,2))", input: "text" }, { name: "format", label: "Dates written as (e.g. %d.%m.%Y; several: %Y-%m-%d | %d.%m.%Y)", input: "text", optional: true }],
  },
  trim: { label: "Trim spaces", fields: [column] },
  case: { label: "Change case", fields: [column, { name: "to", label: "Case", input: "choice", choices: ["upper", "lower"] }] },
  fillNull: { label: "Fill empty values", fields: [column, { name: "value", label: "Value", input: "text" }] },
  fillDown: { label: "Fill down", fields: [column] },
  replace: { label: "Find and replace", fields: [column, { name: "find", label: "Find", input: "text" }, { name: "replace", label: "Replace with", input: "text", optional: true }] },
  filter: { label: "Keep rows where", fields: [{ name: "where", label: "SQL condition", input: "text" }] },
  dedupe: { label: "Remove duplicate rows", fields: [{ name: "columns", label: "Key columns (empty: all)", input: "columns", optional: true }] },
  derive: { label: "Add a column", fields: [{ name: "name", label: "Name", input: "text" }, { name: "expression", label: "SQL expression", input: "text" }] },
  split: {
    label: "Split a column",
    fields: [column, { name: "delimiter", label: "Delimiter", input: "text" }, { name: "into", label: "New columns (comma-separated)", input: "text" }],
  },
};

export type FormValues = Record<string, string | boolean>;

/** The choice that names the file itself in a reference rule's file field (no SQL name has parentheses or spaces). */
export const THIS_FILE = "(this file)";

const list = (v: string | boolean | undefined) =>
  typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : [];

function fieldValues(fields: FieldSpec[], values: FormValues): Record<string, unknown> | string {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.input === "checkbox") {
      out[f.name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw : "";
    if (!text.trim() && f.name !== "replace") {
      if (f.optional) continue;
      return `${f.label}: fill this in.`;
    }
    if (f.input === "number") {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0) return `${f.label}: a whole number, 0 or more.`;
      out[f.name] = n;
    } else if (f.input === "columns" || f.name === "values" || f.name === "into") out[f.name] = list(text);
    else if (f.name === "format") out[f.name] = parseFormatText(text);
    else out[f.name] = f.name === "replace" ? text : text.trim();
  }
  return out;
}

export function buildRule(kind: RuleKind, values: FormValues, id: string, severity: "reject" | "warn"): Rule | string {
  const fields = fieldValues(RULE_FORMS[kind].fields, values);
  if (typeof fields === "string") return fields;
  if (kind === "reference" && fields.file === THIS_FILE) fields.file = SELF;
  const parsed = ruleSchema.safeParse({ ...fields, kind, id, severity, enabled: true });
  return parsed.success ? parsed.data : `${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`;
}

export function buildStep(kind: FormStepKind, values: FormValues): Step | string {
  const fields = fieldValues(STEP_FORMS[kind].fields, values);
  if (typeof fields === "string") return fields;
  const parsed = stepSchema.safeParse({ ...fields, kind });
  return parsed.success ? { ...parsed.data, enabled: true } : `${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`;
}

/** A step's values as the form shows them, for editing it. */
export function stepFormValues(step: Step): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(step)) {
    if (key === "kind" || key === "enabled") continue;
    if (key === "format") values[key] = formatText(value as DateFormat);
    else if (Array.isArray(value)) values[key] = value.join(", ");
    else if (typeof value === "boolean") values[key] = value;
    else if (value !== undefined && value !== null) values[key] = String(value);
  }
  return values;
}
