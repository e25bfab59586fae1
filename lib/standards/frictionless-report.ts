import type { Rule } from "@/lib/recipe/schema";

/** One rule a row broke, as a run's checks say it. */
export interface FailedCheck {
  /** The row's line in the source file (the header is line 1): Frictionless's row number. */
  line: number;
  kind: Rule["kind"];
  rule: string;
  column: string | null;
  severity: "reject" | "warn";
  message: string;
  value: string | null;
}

/** Frictionless error types (https://framework.frictionlessdata.io/docs/errors/) by rule kind. */
const ERROR_TYPES: Record<Rule["kind"], { type: string; title: string; description: string }> = {
  required: { type: "constraint-error", title: "Constraint Error", description: "A field value does not conform to a constraint." },
  range: { type: "constraint-error", title: "Constraint Error", description: "A field value does not conform to a constraint." },
  length: { type: "constraint-error", title: "Constraint Error", description: "A field value does not conform to a constraint." },
  pattern: { type: "constraint-error", title: "Constraint Error", description: "A field value does not conform to a constraint." },
  oneOf: { type: "constraint-error", title: "Constraint Error", description: "A field value does not conform to a constraint." },
  type: { type: "type-error", title: "Type Error", description: "The value does not match the schema type and format for this field." },
  unique: { type: "unique-error", title: "Unique Error", description: "This row violates a unique constraint." },
  uniqueKey: { type: "unique-error", title: "Unique Error", description: "This row violates a unique constraint." },
  reference: { type: "foreign-key", title: "ForeignKey Error", description: "Values in the foreign key fields should exist in the reference table" },
  expression: { type: "row-constraint-error", title: "Row Constraint Error", description: "The value does not conform to the row constraint." },
  columns: { type: "schema-error", title: "Schema Error", description: "The table's columns do not match its schema." },
};

/**
 * A run's checks as a Frictionless validation report (the shape `frictionless
 * validate --json` writes): one task for the file, an error per rejecting rule
 * a row broke (row number, field name and number, cell, type, message), and
 * the warnings as the task's warnings. At most `limit` errors, as
 * Frictionless limits them; the stats count them all.
 */
export function frictionlessReport(input: {
  name: string;
  place: string;
  columns: readonly string[];
  rows: number;
  checks: readonly FailedCheck[];
  total: { errors: number; warnings: number };
  sha256?: string;
  bytes?: number;
  limit?: number;
}): Record<string, unknown> {
  const limit = input.limit ?? 1000;
  const errors = input.checks
    .filter((c) => c.severity === "reject")
    .slice(0, limit)
    .map((c) => {
      const kind = ERROR_TYPES[c.kind];
      const field = c.column === null ? -1 : input.columns.indexOf(c.column);
      const where = field >= 0 ? `at row "${c.line}" and field "${field + 1}"` : `at row "${c.line}"`;
      return {
        ...kind,
        message: `${kind.title} ${where}: ${c.message}`,
        tags: field >= 0 ? ["#table", "#row", "#cell"] : ["#table", "#row"],
        note: c.message,
        rowNumber: c.line,
        ...(field >= 0 ? { cell: c.value ?? "", fieldName: c.column, fieldNumber: field + 1 } : {}),
      };
    });
  const warnings = input.checks.filter((c) => c.severity === "warn").map((c) => `row ${c.line}${c.column ? `, field "${c.column}"` : ""}: ${c.message}`);
  const valid = input.total.errors === 0;
  return {
    valid,
    stats: { tasks: 1, errors: input.total.errors, warnings: input.total.warnings },
    warnings: [],
    errors: [],
    tasks: [
      {
        name: input.name,
        type: "table",
        valid,
        place: input.place,
        labels: input.columns,
        stats: { errors: input.total.errors, warnings: input.total.warnings, rows: input.rows, fields: input.columns.length, ...(input.sha256 ? { sha256: input.sha256 } : {}), ...(input.bytes !== undefined ? { bytes: input.bytes } : {}) },
        errors,
        warnings,
      },
    ],
  };
}
