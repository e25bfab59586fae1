import { describe, expect, it } from "vitest";
import { manifestSchema } from "./manifest";

const manifest = {
  kind: "stages.dataset-manifest",
  manifestVersion: 1,
  name: "orders",
  version: 1,
  createdAt: "2026-12-01T00:00:00.000Z",
  appVersion: "test",
  schema: [{ name: "id", type: "BIGINT" }],
  rows: { in: 5, valid: 4, rejected: 1, promoted: 4 },
  sqlStage: null,
  sources: [{ name: "orders.csv", sha256: "ab", size: 100 }],
  recipe: null,
  recipeSha256: null,
  data: { file: "v1.parquet", format: "parquet", compression: "zstd", size: 10, sha256: "cd" },
};
const lines = { total: 9, preamble: 1, header: 1, notes: 1, blank: 0, setAside: 1, rowLines: 5, rows: 5, repaired: 0 };

describe("manifestSchema", () => {
  it("takes a CSV source's line accounting when it adds up and matches the rows in", () => {
    expect(manifestSchema.safeParse({ ...manifest, sources: [{ ...manifest.sources[0], lines }] }).success).toBe(true);
  });

  it("refuses lines that do not add up, or rows read that are not the rows in", () => {
    const short = { ...lines, total: 10 };
    expect(manifestSchema.safeParse({ ...manifest, sources: [{ ...manifest.sources[0], lines: short }] }).success).toBe(false);
    const fewer = { ...lines, rows: 4 };
    expect(manifestSchema.safeParse({ ...manifest, sources: [{ ...manifest.sources[0], lines: fewer }] }).success).toBe(false);
  });

  it("refuses rows that do not reconcile", () => {
    expect(manifestSchema.safeParse({ ...manifest, rows: { ...manifest.rows, promoted: 3 } }).success).toBe(false);
  });
});
