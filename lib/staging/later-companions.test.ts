import { describe, expect, it } from "vitest";
import { parseOptionsSchema } from "./parse-options";
import { laterCompanions } from "./later-companions";

const staged = (id: string, name: string, format: "sas7bdat" | "dbf" | "csv", companions: { kind: "memo" | "shp" | "catalog" }[] = []) => ({
  id,
  name,
  parse: parseOptionsSchema.parse({ format }),
  companions: companions.map((c) => ({ ...c, name: "x", size: 1, sha256: "0" })),
});
const named = (...names: string[]) => names.map((name) => ({ name }));

describe("laterCompanions", () => {
  const area = [staged("a", "visits.sas7bdat", "sas7bdat"), staged("b", "adsl.sas7bdat", "sas7bdat", [{ kind: "catalog" }]), staged("c", "NOTES.DBF", "dbf"), staged("d", "roads.dbf", "dbf", [{ kind: "shp" }]), staged("e", "sales.csv", "csv")];

  it("gives a catalog to every staged SAS dataset without one, and a memo file or geometry to the staged table of its name", () => {
    const files = named("formats.sas7bcat", "notes.dbt", "sales.csv");
    const { given, rest } = laterCompanions(files, area);
    expect(given.map((g) => [g.file.name, g.fileId, g.kind])).toEqual([["formats.sas7bcat", "a", "catalog"], ["notes.dbt", "c", "memo"]]);
    expect(rest).toEqual([files[2]]);
  });

  it("gives a shapefile's code page or projection file to the staged table of its name, though it has them", () => {
    const { given } = laterCompanions(named("ROADS.cpg", "roads.prj"), area);
    expect(given.map((g) => [g.file.name, g.fileId, g.kind])).toEqual([["ROADS.cpg", "d", "cpg"], ["roads.prj", "d", "prj"]]);
  });

  it("leaves a file alone that no staged table takes: a table that has one of its kind, another name", () => {
    const files = named("roads.shp", "other.dbt", "other.prj");
    expect(laterCompanions(files, area)).toEqual({ given: [], rest: files });
    expect(laterCompanions(named("formats.sas7bcat"), [area[1]!, area[4]!]).given).toEqual([]);
  });
});
