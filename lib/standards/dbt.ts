import { stringify } from "yaml";
import { SELF } from "@/lib/recipe/references";
import type { Rule } from "@/lib/recipe/schema";
import { bound, notExportedLine, yamlHeader } from "./rule-words";

type Test = string | Record<string, Record<string, unknown>>;

/**
 * The recipe's rules as a dbt `schema.yml` (dbt 1.8 and later: `data_tests`) for the model that
 * the promoted dataset becomes: not_null, unique, accepted_values, and from dbt_utils
 * accepted_range, expression_is_true, unique_combination_of_columns; a reference rule is
 * `relationships` to the model of the other staged file's SQL name. A warning is a test
 * with severity warn; a rule dbt cannot say is a comment at the top.
 */
export function dbtSchemaYml(model: string, rules: readonly Rule[]): string {
  const columns = new Map<string, Test[]>();
  const modelTests: Test[] = [];
  const notExported: string[] = [];
  for (const rule of rules.filter((r) => r.enabled)) {
    const test = (name: string, args: Record<string, unknown> = {}): Test => {
      const config = rule.severity === "warn" ? { config: { severity: "warn" } } : {};
      return Object.keys(args).length || rule.severity === "warn" ? { [name]: { ...args, ...config } } : name;
    };
    const onColumn = (column: string, t: Test) => columns.set(column, [...(columns.get(column) ?? []), t]);
    switch (rule.kind) {
      case "required":
        onColumn(rule.column, test("not_null"));
        break;
      case "unique":
        onColumn(rule.column, test("unique"));
        break;
      case "oneOf":
        onColumn(rule.column, test("accepted_values", { values: rule.values }));
        break;
      case "range":
        onColumn(rule.column, test("dbt_utils.accepted_range", { ...(rule.min !== undefined ? { min_value: bound(rule.min) } : {}), ...(rule.max !== undefined ? { max_value: bound(rule.max) } : {}) }));
        break;
      case "expression":
        modelTests.push(test("dbt_utils.expression_is_true", { expression: rule.sql.trim() }));
        break;
      case "uniqueKey":
        modelTests.push(test("dbt_utils.unique_combination_of_columns", { combination_of_columns: rule.columns }));
        break;
      case "reference":
        // dbt's relationships test compares one column.
        if (rule.moreKeys) notExported.push(`${notExportedLine(rule, "dbt")} over several columns`);
        else onColumn(rule.column, test("relationships", { to: `ref('${rule.file === SELF ? model : rule.file}')`, field: rule.field }));
        break;
      default:
        notExported.push(notExportedLine(rule, "dbt"));
    }
  }
  const body = {
    version: 2,
    models: [
      {
        name: model,
        ...(columns.size ? { columns: [...columns].map(([name, tests]) => ({ name, data_tests: tests })) } : {}),
        ...(modelTests.length ? { data_tests: modelTests } : {}),
      },
    ],
  };
  return yamlHeader(`dbt tests for ${model}, exported by Stages (uses the dbt_utils package)`, notExported) + stringify(body);
}
