import { describe, expect, test } from "vitest";
import { attachDbfCompanions, cpgEncoding, isDbfCompanion, projectionName } from "./companions";

describe("a dBase table's companion files", () => {
  test("files added together: a memo file, a geometry, a projection and a code page file go with the table of their name; one with no table stays", () => {
    const named = (...names: string[]) => names.map((name) => ({ name }));
    const files = named("a.csv", "NOTES.DBF", "notes.dbt", "orphan.fpt", "roads.dbf", "roads.cpg", "notes.fpt", "roads.shp", "roads.prj");
    const zipped = { derivedFrom: { name: "x.zip", sha256: "00", part: "roads.dbf" } };
    const { files: staged, origins } = attachDbfCompanions(files, [undefined, undefined, undefined, undefined, zipped, undefined, undefined, undefined, undefined]);
    // A second memo file for the same table stays, to be refused with what it is.
    expect(staged.map((f) => f.name)).toEqual(["a.csv", "NOTES.DBF", "orphan.fpt", "roads.dbf", "notes.fpt"]);
    expect(origins).toEqual([undefined, { memo: files[2] }, undefined, { ...zipped, cpg: files[5], shp: files[7], prj: files[8] }, undefined]);
    expect(attachDbfCompanions(named("a.dbt", "a.cpg"), [undefined, undefined]).files.map((f) => f.name)).toEqual(["a.dbt", "a.cpg"]);
    expect([isDbfCompanion("x.DBT"), isDbfCompanion("x.cpg"), isDbfCompanion("x.Shp"), isDbfCompanion("x.prj"), isDbfCompanion("x.dbf"), isDbfCompanion("x.shx")]).toEqual([true, true, true, true, false, false]);
  });

  test("a code page file's encoding, as ArcGIS, QGIS and others write it", () => {
    expect(["UTF-8", "utf8", "1251", "CP1252", "ANSI 1250", "88591", "ISO-8859-5", "ISO 8859 2", "866", "936", "65001\n"].map(cpgEncoding)).toEqual([
      "utf-8", "utf-8", "windows-1251", "windows-1252", "windows-1250", "windows-1252", "iso-8859-5", "iso-8859-2", "ibm866", "gbk", "utf-8",
    ]);
    expect(cpgEncoding("not a code page")).toBeNull();
  });

  test("a projection file's coordinate system, by the name its well-known text gives it", () => {
    expect(projectionName('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]]]')).toBe("GCS_WGS_1984");
    expect(projectionName('PROJCS["ETRS89 / UTM zone 33N",GEOGCS["ETRS89"]]')).toBe("ETRS89 / UTM zone 33N");
    expect(projectionName('PROJCRS["NAD83 / Conus Albers", BASEGEOGCRS["NAD83"]]')).toBe("NAD83 / Conus Albers");
    expect(projectionName("not a projection")).toBeNull();
  });
});
