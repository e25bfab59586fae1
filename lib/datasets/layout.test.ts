import { describe, expect, it } from "vitest";
import { committedVersions, leftoverFiles, nextVersion, tempFileName } from "./layout";

describe("dataset folder layout", () => {
  const folder = ["v1.parquet", "v1.datapackage.json", "v1.manifest.json", "v2.parquet", "v2.manifest.json", "v3.parquet", "v3.datapackage.json", tempFileName(4, "ab12")];

  it("counts a version as committed only when its manifest exists", () => {
    expect(committedVersions(folder)).toEqual([1, 2]);
  });

  it("gives the next version a number past every version seen, committed or not", () => {
    expect(nextVersion(folder)).toBe(5);
    expect(nextVersion([])).toBe(1);
    expect(nextVersion(["v9.manifest.json", "v10.parquet"])).toBe(11);
  });

  it("finds leftovers: temp files, and data or a Data Package without a manifest", () => {
    expect(leftoverFiles(folder).sort()).toEqual([".tmp-v4-ab12.parquet", "v3.datapackage.json", "v3.parquet"]);
    expect(leftoverFiles(["v1.parquet", "v1.datapackage.json", "v1.manifest.json"])).toEqual([]);
  });
});
