import { z } from "@/lib/zod";
import type { Column } from "@/lib/datasets/manifest";
import { keyPairs, SELF } from "@/lib/recipe/references";
import type { Rule } from "@/lib/recipe/schema";
import { parseJson } from "@/lib/json";
import { isIntegerType, isTextType } from "@/lib/sql/types";
import { sqlNameFor } from "@/lib/staging/sql-name";
import { bound } from "./rule-words";

/**
 * Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/):
 * read into a recipe's expected columns and rules, and written from them.
 * What has no equivalent either way is listed, never dropped silently.
 */
const constraintsSchema = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    minimum: z.union([z.number(), z.string()]).optional(),
    maximum: z.union([z.number(), z.string()]).optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().nonnegative().optional(),
    pattern: z.string().optional(),
    enum: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .passthrough();

const fieldSchema = z
  .object({ name: z.string().min(1), type: z.string().default("string"), format: z.string().optional(), decimalChar: z.string().optional(), title: z.string().optional(), description: z.string().optional(), constraints: constraintsSchema.optional() })
  .passthrough();

const keyList = z.union([z.string(), z.array(z.string())]).transform((k) => (typeof k === "string" ? [k] : k));

export const tableSchemaSchema = z
  .object({
    fields: z.array(fieldSchema).min(1),
    missingValues: z.array(z.string()).optional(),
    primaryKey: keyList.optional(),
    uniqueKeys: z.array(keyList).optional(),
    foreignKeys: z.array(z.object({ fields: keyList, reference: z.object({ resource: z.string(), fields: keyList }).passthrough() }).passthrough()).optional(),
  })
  .passthrough();
export type TableSchema = z.input<typeof tableSchemaSchema>;

/** Table Schema field types, as DuckDB column types. */
const DUCK_TYPES: Record<string, string> = {
  string: "VARCHAR",
  integer: "BIGINT",
  number: "DOUBLE",
  boolean: "BOOLEAN",
  date: "DATE",
  datetime: "TIMESTAMP",
  time: "TIME",
  year: "INTEGER",
};
/** The rule that checks a text value is of a field's type, where one does. */
const TYPE_RULES: Record<string, "integer" | "decimal" | "date" | "timestamp" | "boolean"> = {
  integer: "integer",
  number: "decimal",
  date: "date",
  datetime: "timestamp",
  boolean: "boolean",
};

/** A rule without its id, severity and switch, as a schema says it. */
type RuleBody = Rule extends infer R ? (R extends Rule ? Omit<R, "id" | "enabled" | "severity"> : never) : never;

export interface ImportedSchema {
  columns: Column[];
  rules: Rule[];
  /** Texts that stand for an empty value (the schema's missingValues, besides the empty field): read as null. */
  nullValues: string[];
  /** What the schema says that Stages cannot check, in words. */
  notApplied: string[];
}

/** A Table Schema (JSON text, or parsed) as expected columns and rules; or why it is not one. */
export function importTableSchema(input: unknown): { ok: true; value: ImportedSchema } | { ok: false; reason: string } {
  const doc = typeof input === "string" ? parseJson(input) : input;
  if (doc === undefined) return { ok: false, reason: "this is not valid JSON." };
  const parsed = tableSchemaSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `This is not a Table Schema: ${issue.path.join(".") || "the schema"}: ${issue.message}` };
  }
  const schema = parsed.data;
  const rules: Rule[] = [];
  const notApplied: string[] = [];
  const add = (rule: RuleBody) => rules.push({ ...rule, id: `ts${rules.length + 1}`, severity: "reject", enabled: true } as Rule);
  const columns = schema.fields.map((field) => {
    const type = DUCK_TYPES[field.type];
    if (!type) notApplied.push(`field "${field.name}": type ${field.type} is read as text`);
    const typeRule = TYPE_RULES[field.type];
    // A text value must read as the field's type; "default" and "any" formats are the type's own.
    const format = field.format && !["default", "any"].includes(field.format) ? field.format.replace(/^fmt:/, "") : undefined;
    const decimalComma = field.type === "number" && field.decimalChar === ",";
    if (typeRule) add({ kind: "type", column: field.name, type: typeRule, ...(format && ["date", "datetime"].includes(field.type) ? { format } : {}), ...(decimalComma ? { decimalChar: "," as const } : {}) });
    else if (format) notApplied.push(`field "${field.name}": format ${field.format}`);
    const c = field.constraints ?? {};
    if (c.required) add({ kind: "required", column: field.name });
    if (c.unique) add({ kind: "unique", column: field.name });
    if (c.minimum !== undefined || c.maximum !== undefined)
      add({ kind: "range", column: field.name, ...(c.minimum !== undefined ? { min: String(c.minimum) } : {}), ...(c.maximum !== undefined ? { max: String(c.maximum) } : {}) });
    if (c.minLength !== undefined || c.maxLength !== undefined) add({ kind: "length", column: field.name, min: c.minLength, max: c.maxLength });
    // Table Schema patterns match the whole value (XML Schema regular expressions).
    if (c.pattern !== undefined) add({ kind: "pattern", column: field.name, pattern: `^(?:${c.pattern})$` });
    if (c.enum?.length) add({ kind: "oneOf", column: field.name, values: c.enum.map(String) });
    const known = new Set(["required", "unique", "minimum", "maximum", "minLength", "maxLength", "pattern", "enum"]);
    for (const other of Object.keys(c).filter((k) => !known.has(k))) notApplied.push(`field "${field.name}": constraint ${other}`);
    return { name: field.name, type: type ?? "VARCHAR" };
  });
  if (schema.primaryKey?.length) {
    for (const key of schema.primaryKey) if (!rules.some((r) => r.kind === "required" && r.column === key)) add({ kind: "required", column: key });
  }
  const keys = [...(schema.primaryKey?.length ? [schema.primaryKey] : []), ...(schema.uniqueKeys ?? [])];
  for (const key of keys) {
    const said = rules.some((r) => (key.length === 1 ? r.kind === "unique" && r.column === key[0] : r.kind === "uniqueKey" && r.columns.join("\u0000") === key.join("\u0000")));
    if (!said) add(key.length === 1 ? { kind: "unique", column: key[0]! } : { kind: "uniqueKey", columns: key });
  }
  // A foreign key into another resource looks values up in the staged file of that name (lib/recipe/references.ts).
  for (const key of schema.foreignKeys ?? []) {
    const { fields, reference } = key;
    const said = `the foreign key (${fields.join(", ")}) → ${reference.resource || "this table"} (${reference.fields.join(", ")})`;
    if (fields.length !== reference.fields.length) notApplied.push(`${said}: it pairs ${fields.length} fields with ${reference.fields.length}`);
    else {
      const [first, ...more] = fields.map((column, i) => ({ column, field: reference.fields[i]! }));
      // An empty resource name is the table itself.
      const file = reference.resource ? sqlNameFor(reference.resource, new Set()) : SELF;
      add({ kind: "reference", ...first!, file, ...(more.length ? { moreKeys: more } : {}) });
    }
  }
  return { ok: true, value: { columns, rules, nullValues: (schema.missingValues ?? [""]).filter((v) => v !== ""), notApplied } };
}

/** DuckDB column types as Table Schema field types. */
export function fieldType(duckType: string): string {
  const t = duckType.toUpperCase();
  if (t.endsWith("[]")) return "array";
  if (t.startsWith("STRUCT") || t.startsWith("MAP")) return "object";
  if (isIntegerType(t)) return "integer";
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL)/.test(t)) return "number";
  if (t === "BOOLEAN") return "boolean";
  if (t === "DATE") return "date";
  if (t.startsWith("TIMESTAMP")) return "datetime";
  if (t.startsWith("TIME")) return "time";
  if (isTextType(t)) return "string";
  return "any";
}

/** A pattern anchored at both ends, as Table Schema reads every pattern: the anchors go. */
const unanchored = (p: string) => (p.startsWith("^") && p.endsWith("$") && !p.endsWith("\\$") ? p.slice(1, -1) : `.*(?:${p}).*`);

/** The columns and the (enabled) rules that Table Schema can say, as one; and the rules it cannot, in words. */
export function exportTableSchema(columns: readonly Column[], rules: readonly Rule[]): { schema: Record<string, unknown>; notExported: string[] } {
  const notExported: string[] = [];
  const fields = columns.map((c) => ({ name: c.name, type: fieldType(c.type), constraints: {} as Record<string, unknown> }));
  const uniqueKeys: string[][] = [];
  const foreignKeys: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[] = [];
  for (const rule of rules.filter((r) => r.enabled)) {
    const field = "column" in rule ? fields.find((f) => f.name === rule.column) : undefined;
    const c = field?.constraints;
    if ("column" in rule && !c) {
      notExported.push(`rule ${rule.id}: its column "${rule.column}" is not in the table`);
      continue;
    }
    if (rule.severity === "warn") notExported.push(`rule ${rule.id} only warns: Table Schema constraints always fail a row`);
    switch (rule.kind) {
      case "required":
        c!.required = true;
        break;
      case "unique":
        c!.unique = true;
        break;
      case "range":
        if (rule.min !== undefined) c!.minimum = bound(rule.min);
        if (rule.max !== undefined) c!.maximum = bound(rule.max);
        break;
      case "length":
        if (rule.min !== undefined) c!.minLength = rule.min;
        if (rule.max !== undefined) c!.maxLength = rule.max;
        break;
      case "pattern":
        c!.pattern = unanchored(rule.pattern);
        break;
      case "oneOf":
        c!.enum = rule.values;
        break;
      case "type":
        field!.type = { integer: "integer", decimal: "number", date: "date", timestamp: "datetime", boolean: "boolean" }[rule.type];
        // Table Schema's format is one pattern; for dates written several ways, "any" (any date a reader can parse).
        if (rule.format) Object.assign(field!, { format: typeof rule.format === "string" ? rule.format : "any" });
        if (rule.type === "decimal" && rule.decimalChar) Object.assign(field!, { decimalChar: rule.decimalChar });
        break;
      case "uniqueKey":
        uniqueKeys.push(rule.columns);
        break;
      case "reference":
        foreignKeys.push(
          rule.moreKeys
            ? { fields: keyPairs(rule).map((p) => p.column), reference: { resource: rule.file, fields: keyPairs(rule).map((p) => p.field) } }
            : { fields: rule.column, reference: { resource: rule.file, fields: rule.field } },
        );
        break;
      case "expression":
        notExported.push(`rule ${rule.id}: the SQL condition ${rule.sql} has no Table Schema equivalent`);
        break;
      case "columns":
        notExported.push(`rule ${rule.id}: the expected column list is the fields themselves`);
        break;
    }
  }
  const schema = {
    fields: fields.map(({ constraints, ...f }) => (Object.keys(constraints).length ? { ...f, constraints } : f)),
    missingValues: [""],
    ...(uniqueKeys.length ? { uniqueKeys } : {}),
    ...(foreignKeys.length ? { foreignKeys } : {}),
  };
  return { schema, notExported };
}
