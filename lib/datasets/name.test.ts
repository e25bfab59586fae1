import { describe, expect, it } from "vitest";
import { checkDatasetName, suggestDatasetName } from "./name";

describe("checkDatasetName", () => {
  it("accepts letters, digits, underscore and hyphen", () => {
    expect(checkDatasetName("orders_2024-q1")).toBeNull();
  });

  it("refuses empty, path-like, spaced and over-long names", () => {
    expect(checkDatasetName("")).toMatch(/name/);
    for (const bad of ["../etc", "a/b", "has space", "_leading", "x".repeat(65), "naïve"]) {
      expect(checkDatasetName(bad), bad).not.toBeNull();
    }
  });
});

describe("suggestDatasetName", () => {
  it("derives a valid name from a file name", () => {
    expect(suggestDatasetName("Orders 2024.csv")).toBe("orders_2024");
    expect(suggestDatasetName("sales.csv.gz")).toBe("sales");
    expect(suggestDatasetName("  ***.csv")).toBe("dataset");
    for (const name of ["Orders 2024.csv", "données été.tsv", "a".repeat(200) + ".csv"]) {
      expect(checkDatasetName(suggestDatasetName(name)), name).toBeNull();
    }
  });
});
