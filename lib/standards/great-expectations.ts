import { DECIMAL, DECIMAL_COMMA, INTEGER } from "@/lib/recipe/rules";
import type { Rule } from "@/lib/recipe/schema";
import { bound, notExportedLine } from "./rule-words";

interface Expectation {
  type: string;
  kwargs: Record<string, unknown>;
  meta: { stages_rule: string; severity: "reject" | "warn" };
}

/**
 * The recipe's rules as a Great Expectations 1.x suite (JSON, expectation `type`
 * names and kwargs as GX 1.x writes them). A SQL condition becomes an
 * unexpected-rows expectation over `{batch}`. JSON has no comments: a rule GX
 * cannot say is listed in the suite's `meta.stages.not_exported`.
 */
export function greatExpectationsSuite(name: string, rules: readonly Rule[]): Record<string, unknown> {
  const expectations: Expectation[] = [];
  const notExported: string[] = [];
  for (const rule of rules.filter((r) => r.enabled)) {
    const expect = (type: string, kwargs: Record<string, unknown>) => expectations.push({ type, kwargs, meta: { stages_rule: rule.id, severity: rule.severity } });
    const between = (min: unknown, max: unknown) => ({ ...(min !== undefined ? { min_value: min } : {}), ...(max !== undefined ? { max_value: max } : {}) });
    switch (rule.kind) {
      case "required":
        expect("expect_column_values_to_not_be_null", { column: rule.column });
        break;
      case "unique":
        expect("expect_column_values_to_be_unique", { column: rule.column });
        break;
      case "range":
        expect("expect_column_values_to_be_between", { column: rule.column, ...between(rule.min && bound(rule.min), rule.max && bound(rule.max)) });
        break;
      case "length":
        expect("expect_column_value_lengths_to_be_between", { column: rule.column, ...between(rule.min, rule.max) });
        break;
      case "pattern":
        expect("expect_column_values_to_match_regex", { column: rule.column, regex: rule.pattern });
        break;
      case "oneOf":
        expect("expect_column_values_to_be_in_set", { column: rule.column, value_set: rule.values });
        break;
      case "uniqueKey":
        expect("expect_compound_columns_to_be_unique", { column_list: rule.columns });
        break;
      case "columns":
        expect("expect_table_columns_to_match_set", { column_set: rule.expected, exact_match: !rule.allowExtra });
        break;
      case "expression":
        expect("unexpected_rows_expectation", { unexpected_rows_query: `SELECT * FROM {batch} WHERE NOT (${rule.sql.trim()})`, description: rule.label ?? `rows must satisfy ${rule.sql.trim()}` });
        break;
      case "type":
        if (rule.type === "integer" || rule.type === "decimal") expect("expect_column_values_to_match_regex", { column: rule.column, regex: rule.type === "integer" ? INTEGER : rule.decimalChar ? DECIMAL_COMMA : DECIMAL });
        // Dates written more than one way have no strftime format of their own: they must parse, as dates written the ISO way.
        else if (typeof rule.format === "string" && rule.format) expect("expect_column_values_to_match_strftime_format", { column: rule.column, strftime_format: rule.format });
        else if (rule.type === "boolean") expect("expect_column_values_to_be_in_set", { column: rule.column, value_set: ["true", "false", "t", "f", "yes", "no", "y", "n", "1", "0"] });
        else if (rule.type === "date" || rule.type === "timestamp") expect("expect_column_values_to_be_dateutil_parseable", { column: rule.column });
        else notExported.push(notExportedLine(rule, "Great Expectations"));
        break;
      case "reference":
        // GX 1.x has no expectation that looks values up in another table.
        notExported.push(notExportedLine(rule, "Great Expectations"));
        break;
    }
  }
  return { name, expectations, meta: { great_expectations_version: "1.x", stages: { not_exported: notExported } }, notes: null };
}
