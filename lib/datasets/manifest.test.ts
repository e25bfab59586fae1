import { describe, expect, it } from "vitest";
import { parseManifest, type Manifest } from "./manifest";

const manifest: Manifest = {
  kind: "stages.dataset-manifest",
  manifestVersion: 1,
  name: "people",
  version: 1,
  createdAt: "2026-11-25T00:00:00.000Z",
  appVersion: "0.1.0",
  schema: [{ name: "id", type: "BIGINT" }],
  rows: { in: 3, valid: 3, rejected: 0, promoted: 3 },
  sources: [{ name: "people.csv", sha256: "ab".repeat(32), size: 10 }],
  sqlStage: null,
  recipe: null,
  recipeSha256: null,
  data: { file: "v1.parquet", format: "parquet", compression: "zstd", size: 100, sha256: "cd".repeat(32) },
};

describe("parseManifest", () => {
  it("round-trips a valid manifest", () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
  });

  it("refuses counts that do not reconcile", () => {
    const bad = { ...manifest, rows: { in: 3, valid: 3, rejected: 0, promoted: 2 } };
    expect(parseManifest(JSON.stringify(bad))).toBeNull();
  });

  it("reconciles through a SQL stage that reshapes rows", () => {
    const reshaped = { ...manifest, rows: { in: 3, valid: 3, rejected: 1, promoted: 1 }, sqlStage: { rowsIn: 2, rowsOut: 1 } };
    expect(parseManifest(JSON.stringify(reshaped))).toEqual(reshaped);
    expect(parseManifest(JSON.stringify({ ...reshaped, sqlStage: { rowsIn: 1, rowsOut: 1 } }))).toBeNull();
  });

  it("takes the rows of each file of a version made of several, when each reconciles and they add up", () => {
    const two = {
      ...manifest,
      rows: { in: 5, valid: 4, rejected: 1, promoted: 4 },
      sources: [
        { name: "jan.csv", sha256: "ab".repeat(32), size: 10, rows: { in: 3, rejected: 1, promoted: 2 } },
        { name: "feb.csv", sha256: "ef".repeat(32), size: 8, rows: { in: 2, rejected: 0, promoted: 2 } },
      ],
    };
    expect(parseManifest(JSON.stringify(two))).toEqual(two);
    const unbalanced = { ...two, sources: [two.sources[0], { ...two.sources[1], rows: { in: 2, rejected: 1, promoted: 2 } }] };
    expect(parseManifest(JSON.stringify(unbalanced))).toBeNull();
    const short = { ...two, sources: [two.sources[0], { ...two.sources[1], rows: { in: 1, rejected: 0, promoted: 1 } }] };
    expect(parseManifest(JSON.stringify(short))).toBeNull();
  });

  it("refuses broken JSON and other documents", () => {
    expect(parseManifest("{")).toBeNull();
    expect(parseManifest("")).toBeNull();
    expect(parseManifest(JSON.stringify({ ...manifest, kind: "other" }))).toBeNull();
  });

  it("takes a CSV source's line accounting when it adds up and matches the rows in", () => {
    const lines = { total: 7, preamble: 1, header: 1, notes: 1, blank: 0, setAside: 1, rowLines: 3, rows: 3, repaired: 0 };
    const withLines = { ...manifest, sources: [{ ...manifest.sources[0]!, lines }] };
    expect(parseManifest(JSON.stringify(withLines))).toEqual(withLines);
    const short = { ...manifest, sources: [{ ...manifest.sources[0]!, lines: { ...lines, total: 8 } }] };
    expect(parseManifest(JSON.stringify(short))).toBeNull();
    const fewer = { ...manifest, sources: [{ ...manifest.sources[0]!, lines: { ...lines, rowLines: 2, rows: 2, total: 6 } }] };
    expect(parseManifest(JSON.stringify(fewer))).toBeNull();
    // Comment lines among the rows are lines of their own.
    const commented = { ...manifest, sources: [{ ...manifest.sources[0]!, lines: { ...lines, total: 9, comments: 2 } }] };
    expect(parseManifest(JSON.stringify(commented))).toEqual(commented);
  });
});
