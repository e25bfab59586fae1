import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { EVERY_RULE, EVERY_RULE_COLUMNS } from "./fixture";
import { exportTableSchema, fieldType, importTableSchema } from "./table-schema";

/** Written by hand from the specification's examples: every constraint, missing values, keys. */
const PEOPLE = {
  fields: [
    { name: "id", type: "integer", constraints: { required: true, unique: true, minimum: 1 } },
    { name: "name", type: "string", title: "Name", constraints: { required: true, minLength: 2, maxLength: 40 } },
    { name: "email", type: "string", format: "email", constraints: { pattern: "[^@]+@[^@]+" } },
    { name: "born", type: "date", format: "%d/%m/%Y", constraints: { minimum: "1900-01-01", maximum: "2026-12-31" } },
    { name: "height", type: "number", constraints: { minimum: 0.5, maximum: 2.5 } },
    { name: "team", type: "string", constraints: { enum: ["red", "blue"] } },
    { name: "active", type: "boolean" },
    { name: "location", type: "geopoint" },
  ],
  missingValues: ["", "NA", "-"],
  primaryKey: "id",
  uniqueKeys: [["name", "born"]],
  foreignKeys: [
    { fields: "team", reference: { resource: "Team-List", fields: "name" } },
    { fields: ["name", "born"], reference: { resource: "staff", fields: ["full_name", "birth"] } },
    { fields: "id", reference: { resource: "", fields: "id" } },
    { fields: ["id", "name"], reference: { resource: "staff", fields: ["id"] } },
  ],
};

describe("importTableSchema", () => {
  it("reads fields as expected columns and constraints and keys as rules", () => {
    const imported = importTableSchema(PEOPLE);
    if (!imported.ok) throw new Error(imported.reason);
    const { columns, rules, nullValues, notApplied } = imported.value;
    expect(nullValues).toEqual(["NA", "-"]);
    expect(columns).toEqual([
      { name: "id", type: "BIGINT" },
      { name: "name", type: "VARCHAR" },
      { name: "email", type: "VARCHAR" },
      { name: "born", type: "DATE" },
      { name: "height", type: "DOUBLE" },
      { name: "team", type: "VARCHAR" },
      { name: "active", type: "BOOLEAN" },
      { name: "location", type: "VARCHAR" },
    ]);
    const said = rules.map(({ id: _, enabled: __, ...r }) => r);
    expect(said).toEqual([
      { kind: "type", column: "id", type: "integer", severity: "reject" },
      { kind: "required", column: "id", severity: "reject" },
      { kind: "unique", column: "id", severity: "reject" },
      { kind: "range", column: "id", min: "1", severity: "reject" },
      { kind: "required", column: "name", severity: "reject" },
      { kind: "length", column: "name", min: 2, max: 40, severity: "reject" },
      { kind: "pattern", column: "email", pattern: "^(?:[^@]+@[^@]+)$", severity: "reject" },
      { kind: "type", column: "born", type: "date", format: "%d/%m/%Y", severity: "reject" },
      { kind: "range", column: "born", min: "1900-01-01", max: "2026-12-31", severity: "reject" },
      { kind: "type", column: "height", type: "decimal", severity: "reject" },
      { kind: "range", column: "height", min: "0.5", max: "2.5", severity: "reject" },
      { kind: "oneOf", column: "team", values: ["red", "blue"], severity: "reject" },
      { kind: "type", column: "active", type: "boolean", severity: "reject" },
      { kind: "uniqueKey", columns: ["name", "born"], severity: "reject" },
      // A resource's name as the SQL name a staged file of that name gets.
      { kind: "reference", column: "team", file: "team_list", field: "name", severity: "reject" },
      { kind: "reference", column: "name", file: "staff", field: "full_name", moreKeys: [{ column: "born", field: "birth" }], severity: "reject" },
      // An empty resource name is the table itself.
      { kind: "reference", column: "id", file: "", field: "id", severity: "reject" },
    ]);
    expect(notApplied).toEqual([
      'field "email": format email',
      'field "location": type geopoint is read as text',
      "the foreign key (id, name) → staff (id): it pairs 2 fields with 1",
    ]);
  });

  it("refuses what is not a Table Schema, saying where", () => {
    expect(importTableSchema({ fields: [] })).toMatchObject({ ok: false, reason: expect.stringContaining("fields") });
    expect(importTableSchema({ fields: [{ type: "string" }] })).toMatchObject({ ok: false, reason: expect.stringContaining("fields.0.name") });
  });
});

describe("exportTableSchema", () => {
  // The specification's published JSON Schema (Table Schema v1, as frictionlessdata's tableschema 1.12.6 on npm ships it),
  // written in draft-04: nothing in it reads differently under Ajv's default draft, so its $schema line is set aside.
  const { $schema: _, ...profile } = JSON.parse(readFileSync(join(__dirname, "profiles", "table-schema.json"), "utf8"));
  const validate = new Ajv({ strict: false, validateFormats: false }).compile(profile);

  it("writes a schema the specification's JSON Schema accepts, with each rule it can say as a constraint", () => {
    const { schema, notExported } = exportTableSchema(EVERY_RULE_COLUMNS, EVERY_RULE);
    expect(validate(schema), JSON.stringify(validate.errors)).toBe(true);
    expect(schema.fields).toEqual([
      { name: "id", type: "integer", constraints: { required: true, unique: true } },
      { name: "customer", type: "string", constraints: { pattern: "customer [0-9]+" } },
      { name: "amount", type: "number", constraints: { minimum: 0, maximum: 1000 } },
      { name: "quantity", type: "integer" },
      { name: "status", type: "string", constraints: { minLength: 2, maxLength: 10, enum: ["paid", "shipped", "open"] } },
      { name: "ordered_on", type: "date", format: "%d/%m/%Y" },
    ]);
    expect(schema.uniqueKeys).toEqual([["customer", "ordered_on"]]);
    expect(schema.foreignKeys).toEqual([
      { fields: "customer", reference: { resource: "customers", fields: "name" } },
      { fields: ["customer", "ordered_on"], reference: { resource: "visits", fields: ["who", "day"] } },
    ]);
    expect(notExported).toEqual([
      "rule r5 only warns: Table Schema constraints always fail a row",
      "rule r8: the SQL condition amount * quantity < 10000 has no Table Schema equivalent",
      "rule r9 only warns: Table Schema constraints always fail a row",
      "rule r10: the expected column list is the fields themselves",
    ]);
  });

  it("reads back what it wrote", () => {
    const { schema } = exportTableSchema(EVERY_RULE_COLUMNS, EVERY_RULE);
    const back = importTableSchema(schema);
    if (!back.ok) throw new Error(back.reason);
    expect(back.value.columns.map((c) => c.name)).toEqual(EVERY_RULE_COLUMNS.map((c) => c.name));
    expect(back.value.rules.map((r) => r.kind)).toEqual(["type", "required", "unique", "pattern", "type", "range", "type", "length", "oneOf", "type", "uniqueKey", "reference", "reference"]);
  });
});

describe("fieldType", () => {
  it("names lists arrays and structs objects, as Table Schema does, not strings or numbers", () => {
    const types = ["VARCHAR", "VARCHAR[]", "DOUBLE[]", "STRUCT(a DOUBLE)", "MAP(VARCHAR, BIGINT)", "DECIMAL(9,2)", "TIMESTAMP", "BLOB"];
    expect(types.map(fieldType)).toEqual(["string", "array", "array", "object", "object", "number", "datetime", "any"]);
  });
});

describe("a number's decimal comma", () => {
  it("is read from decimalChar as the type rule's, and written back", () => {
    const imported = importTableSchema({ fields: [{ name: "amount", type: "number", decimalChar: "," }] });
    if (!imported.ok) throw new Error(imported.reason);
    expect(imported.value.rules).toMatchObject([{ kind: "type", column: "amount", type: "decimal", decimalChar: "," }]);
    const { schema } = exportTableSchema(imported.value.columns, imported.value.rules);
    expect(schema.fields).toEqual([expect.objectContaining({ name: "amount", type: "number", decimalChar: "," })]);
  });
});

describe("a date written more than one way", () => {
  it("is a Table Schema date of format any: one pattern cannot say several", () => {
    const { schema } = exportTableSchema([{ name: "day", type: "VARCHAR" }], [{ id: "w", kind: "type", column: "day", type: "date", format: ["%Y-%m-%d", "%d/%m/%Y"], severity: "reject", enabled: true }]);
    expect(schema.fields).toEqual([{ name: "day", type: "date", format: "any" }]);
  });
});
