import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dbtSchemaYml } from "./dbt";
import { EVERY_RULE } from "./fixture";
import { greatExpectationsSuite } from "./great-expectations";
import { sodaChecksYml } from "./soda";

/**
 * Each export of one recipe holding every kind of rule, against a golden file
 * (written with STAGES_WRITE_GOLDEN=1 and read by a person before it is kept),
 * parsed back and checked for the names the tool reads.
 */
function golden(name: string, text: string): string {
  const path = join(__dirname, "golden", name);
  if (process.env.STAGES_WRITE_GOLDEN) writeFileSync(path, text);
  return readFileSync(path, "utf8");
}

describe("dbt schema.yml", () => {
  const text = dbtSchemaYml("orders", EVERY_RULE);
  it("matches its golden file", () => expect(text).toBe(golden("dbt-schema.yml", text)));
  it("says each rule as the test dbt knows, a warning with severity warn, and the rest as comments", () => {
    const doc = parse(text);
    expect(doc.version).toBe(2);
    const model = doc.models[0];
    expect(model.name).toBe("orders");
    const tests = Object.fromEntries(model.columns.map((c: { name: string; data_tests: unknown[] }) => [c.name, c.data_tests]));
    expect(tests.id).toEqual(["not_null", "unique"]);
    expect(tests.amount).toEqual([{ "dbt_utils.accepted_range": { min_value: 0, max_value: 1000 } }]);
    expect(tests.status).toEqual([{ accepted_values: { values: ["paid", "shipped", "open"] } }]);
    expect(tests.customer).toEqual([{ relationships: { to: "ref('customers')", field: "name" } }]);
    expect(model.data_tests).toEqual([
      { "dbt_utils.expression_is_true": { expression: "amount * quantity < 10000" } },
      { "dbt_utils.unique_combination_of_columns": { combination_of_columns: ["customer", "ordered_on"], config: { severity: "warn" } } },
    ]);
    for (const id of ["r3", "r5", "r6", "r10"]) expect(text).toMatch(new RegExp(`^# - rule ${id} .*no dbt equivalent$`, "m"));
    // relationships compares one column: a key over two is a comment.
    expect(text).toMatch(/^# - rule r13 .*no dbt equivalent over several columns$/m);
    expect(text).not.toContain("r11");
  });
});

describe("SodaCL checks", () => {
  const text = sodaChecksYml("orders", EVERY_RULE);
  it("matches its golden file", () => expect(text).toBe(golden("soda-checks.yml", text)));
  it("says each rule as a SodaCL metric with its valid values, formats, bounds, lengths and regex", () => {
    const checks = parse(text)["checks for orders"];
    expect(checks).toEqual([
      "missing_count(id) = 0",
      "duplicate_count(id) = 0",
      { "invalid_count(amount) = 0": { "valid min": 0, "valid max": 1000 } },
      { "invalid_count(status)": { warn: "when > 0", "valid min length": 2, "valid max length": 10 } },
      { "invalid_count(customer) = 0": { "valid regex": "^customer [0-9]+$" } },
      { "invalid_count(status) = 0": { "valid values": ["paid", "shipped", "open"] } },
      { "failed rows": { name: "rule r8", "fail condition": "NOT (amount * quantity < 10000)" } },
      { "duplicate_count(customer, ordered_on)": { warn: "when > 0" } },
      { schema: { fail: { "when required column missing": ["id", "customer", "amount", "quantity", "status", "ordered_on"] } } },
      "values in (customer) must exist in customers (name)",
      "values in (customer, ordered_on) must exist in visits (who, day)",
    ]);
    expect(text).toMatch(/^# - rule r3 .*no SodaCL equivalent$/m);
    expect(text).toMatch(/^# - rule r10: only the expected columns/m);
  });
  it("leaves out a reference rule that only warns, saying so: a reference check cannot warn", () => {
    const warns = sodaChecksYml("orders", [{ ...EVERY_RULE.find((r) => r.id === "r12")!, severity: "warn" }]);
    expect(parse(warns)["checks for orders"]).toEqual([]);
    expect(warns).toMatch(/^# - rule r12 \(warns\): .*no SodaCL equivalent that only warns$/m);
  });
});

describe("Great Expectations suite", () => {
  const suite = greatExpectationsSuite("orders", EVERY_RULE);
  const text = `${JSON.stringify(suite, null, 2)}\n`;
  it("matches its golden file", () => expect(text).toBe(golden("gx-suite.json", text)));
  it("names each expectation as GX 1.x does, with its kwargs", () => {
    const types = (suite.expectations as { type: string; kwargs: Record<string, unknown> }[]).map((e) => e.type);
    expect(types).toEqual([
      "expect_column_values_to_not_be_null",
      "expect_column_values_to_be_unique",
      "expect_column_values_to_match_strftime_format",
      "expect_column_values_to_be_between",
      "expect_column_value_lengths_to_be_between",
      "expect_column_values_to_match_regex",
      "expect_column_values_to_be_in_set",
      "unexpected_rows_expectation",
      "expect_compound_columns_to_be_unique",
      "expect_table_columns_to_match_set",
    ]);
    expect(suite.expectations).toContainEqual({
      type: "unexpected_rows_expectation",
      kwargs: { unexpected_rows_query: "SELECT * FROM {batch} WHERE NOT (amount * quantity < 10000)", description: "rows must satisfy amount * quantity < 10000" },
      meta: { stages_rule: "r8", severity: "reject" },
    });
    expect((suite.meta as { stages: { not_exported: string[] } }).stages.not_exported).toEqual([
      expect.stringMatching(/^rule r12 .*no Great Expectations equivalent$/),
      expect.stringMatching(/^rule r13 .*no Great Expectations equivalent$/),
    ]);
  });
});

describe("a number with a decimal comma", () => {
  const rules = [{ id: "d", kind: "type" as const, column: "amount", type: "decimal" as const, decimalChar: "," as const, severity: "reject" as const, enabled: true }];
  it("is Soda's decimal comma format and Great Expectations' regex of one", () => {
    expect(parse(sodaChecksYml("orders", rules))["checks for orders"]).toEqual([{ "invalid_count(amount) = 0": { "valid format": "decimal comma" } }]);
    const [expectation] = (greatExpectationsSuite("orders", rules) as { expectations: { kwargs: { regex: string } }[] }).expectations;
    expect(new RegExp(expectation!.kwargs.regex).test("12,50")).toBe(true);
    expect(new RegExp(expectation!.kwargs.regex).test("1.234,56")).toBe(true);
    expect(new RegExp(expectation!.kwargs.regex).test("12.50")).toBe(false);
  });
});

describe("dates written more than one way", () => {
  const rules = [{ id: "w", kind: "type" as const, column: "day", type: "date" as const, format: ["%Y-%m-%d", "%d/%m/%Y"], severity: "reject" as const, enabled: true }];
  it("is a date Great Expectations must parse (no one strftime format says it), and not a Soda format", () => {
    const { expectations } = greatExpectationsSuite("orders", rules) as { expectations: { type: string; kwargs: Record<string, unknown> }[] };
    expect(expectations).toEqual([expect.objectContaining({ type: "expect_column_values_to_be_dateutil_parseable", kwargs: { column: "day" } })]);
    expect(sodaChecksYml("orders", rules)).toContain("no SodaCL equivalent");
  });
});
