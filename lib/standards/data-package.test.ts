import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { manifestSchema } from "@/lib/datasets/manifest";
import { dataPackageOf, packageName } from "./data-package";

const manifest = manifestSchema.parse({
  kind: "stages.dataset-manifest",
  manifestVersion: 1,
  name: "Orders 2026",
  version: 3,
  createdAt: "2026-12-01T10:00:00.000Z",
  appVersion: "test",
  schema: [
    { name: "id", type: "BIGINT" },
    { name: "amount", type: "DECIMAL(10,2)" },
    { name: "city", type: "VARCHAR" },
    { name: "ordered_on", type: "DATE" },
  ],
  rows: { in: 10, valid: 8, rejected: 2, promoted: 8 },
  sources: [{ name: "orders.csv", sha256: "ab".repeat(32), size: 420 }],
  sqlStage: null,
  recipe: null,
  recipeSha256: null,
  data: { file: "v3.parquet", format: "parquet", compression: "zstd", size: 1234, sha256: "cd".repeat(32) },
});

describe("dataPackageOf", () => {
  // The specification's published JSON Schema for Tabular Data Packages (v1, as frictionlessdata's datapackage 1.1.10 on npm ships it).
  const { $schema: _, ...profile } = JSON.parse(readFileSync(join(__dirname, "profiles", "tabular-data-package.json"), "utf8"));
  const validate = new Ajv({ strict: false, validateFormats: false }).compile(profile);

  it("describes a version as a Tabular Data Package the specification's JSON Schema accepts", () => {
    const pkg = dataPackageOf(manifest, { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/" });
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg).toMatchObject({
      name: "orders-2026",
      title: "Orders 2026",
      licenses: [{ name: "CC-BY-4.0" }],
      resources: [
        {
          name: "orders-2026",
          path: "v3.parquet",
          format: "parquet",
          bytes: 1234,
          hash: `sha256:${"cd".repeat(32)}`,
          schema: { fields: [{ name: "id", type: "integer" }, { name: "amount", type: "number" }, { name: "city", type: "string" }, { name: "ordered_on", type: "date" }] },
          stages: { rows: 8, rowsIn: 10, rejected: 2 },
        },
      ],
      sources: [{ title: "orders.csv", stages: { sha256: "ab".repeat(32), bytes: 420 } }],
    });
  });

  it("names the file a source was cut from (a workbook's sheet) beside the source's own checksum", () => {
    const derivedFrom = { name: "sales.xlsx", sha256: "ef".repeat(32), part: "sheet “Mar”" };
    const pkg = dataPackageOf({ ...manifest, sources: [{ name: "sales-Mar.csv", sha256: "ab".repeat(32), size: 420, derivedFrom }] });
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.sources).toEqual([{ title: "sales-Mar.csv", path: "sales-Mar.csv", stages: { sha256: "ab".repeat(32), bytes: 420, derivedFrom } }]);
  });

  it("says a column's unit, as its file's header gave it, in the field's description", () => {
    const pkg = dataPackageOf({ ...manifest, schema: [{ name: "temp", type: "DOUBLE", unit: "degC" }] }) as { resources: { schema: { fields: unknown[] } }[] };
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.resources[0]!.schema.fields).toEqual([{ name: "temp", type: "number", description: "Unit: degC" }]);
  });

  it("gives a column the label its file's header gave it (a survey's question) as the field's title", () => {
    const pkg = dataPackageOf({ ...manifest, schema: [{ name: "Q1", type: "BIGINT", label: "How old are you?" }] }) as { resources: { schema: { fields: unknown[] } }[] };
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.resources[0]!.schema.fields).toEqual([{ name: "Q1", type: "integer", title: "How old are you?" }]);
  });

  it("gives a column of codes the labels of its codes as the field's categories (Table Schema 2's), which the version 1 profile accepts too", () => {
    const categories = [{ value: 1, label: "North" }, { value: 2, label: "South" }];
    const pkg = dataPackageOf({ ...manifest, schema: [{ name: "region", type: "BIGINT", categories }] }) as { resources: { schema: { fields: unknown[] } }[] };
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.resources[0]!.schema.fields).toEqual([{ name: "region", type: "integer", categories }]);
  });

  it("gives the resource the title its file gave the dataset", () => {
    const pkg = dataPackageOf({ ...manifest, title: "Household survey, 2024 wave" }) as { resources: { title?: string }[] };
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.resources[0]!.title).toBe("Household survey, 2024 wave");
  });

  it("names the address a source was fetched from as its path", () => {
    const pkg = dataPackageOf({ ...manifest, sources: [{ name: "rows.csv", sha256: "ab".repeat(32), size: 420, url: "https://data.example.org/rows.csv" }] });
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.sources).toEqual([{ title: "rows.csv", path: "https://data.example.org/rows.csv", stages: { sha256: "ab".repeat(32), bytes: 420 } }]);
  });

  it("makes a name Data Packages accept", () => {
    expect(packageName("Ventes Été/2026 (v2)")).toBe("ventes-t-/2026-v2");
    expect(packageName("***")).toBe("data");
  });
});
