import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { typedTableLines } from "@/test/typed-table-lines";
import { declaredMissing, withoutDeclaredMissing } from "./missing";
import { readSav, savTable, SavError } from "./sav";

// Written by GNU PSPP 1.6 (test/fixtures/spss/survey.sps), compressed and not.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/spss/${name}`, import.meta.url)));
const lines = (name: string) => {
  const bytes = fixture(name);
  return typedTableLines(savTable(bytes, readSav(bytes)));
};

describe("SPSS data files", () => {
  test("codes as their value labels, user-missing and system-missing values empty, dates, date-times, long names, UTF-8, a very long string", () => {
    const rows = lines("survey.sav");
    const long = (name: string) => `${"x".repeat(250)}é${name}`;
    expect(rows).toEqual([
      "id,region_of_residence,age,income,born,seen,name,code,longnote",
      `1,North,18,1000.5,1990-01-01,2024-03-01 13:45:30,Zoë Ångström,A01,${long("Zoë Ångström")}`,
      `2,South,,1012.75,1990-01-02,2024-03-01 14:45:30,person 2,B02,${long("person 2")}`,
      `3,East,20,,1990-01-03,2024-03-01 15:45:30,日本語,C03,${long("日本語")}`,
      `4,9,21,1037.25,,,,,${long("")}`,
      "",
    ]);
  });

  test("value labels of strings, short and long, as PSPP writes them; a value without a label as itself; a value declared missing empty", () => {
    expect(lines("coded.sav")).toEqual(["id,sex,country,score", "1,Female,Germany,low", "2,Male,France,middle", "3,X,Elsewhere,30", "4,,Germany,", "5,,,middle", ""]);
  });

  test("values declared missing (a range of numbers, one of them labelled; a short string's and a long one's): kept when the declarations are left out", () => {
    const bytes = fixture("coded.sav");
    const sav = readSav(bytes);
    expect(declaredMissing(sav.variables)).toEqual({ sex: '"?"', country: '"n/a"', score: "35 to 99" });
    expect(typedTableLines(savTable(bytes, { ...sav, variables: withoutDeclaredMissing(sav.variables) })).slice(-3, -1)).toEqual(["4,,Germany,no answer", "5,?,n/a,middle"]);
    const survey = fixture("survey.sav");
    const read = readSav(survey);
    expect(declaredMissing(read.variables)).toEqual({ age: "99" });
    expect(typedTableLines(savTable(survey, { ...read, variables: withoutDeclaredMissing(read.variables) }))[2]).toMatch(/^2,South,99,1012\.75,/);
  });

  test("the file's label", () => {
    expect([readSav(fixture("coded.sav")).label, readSav(fixture("survey.sav")).label]).toEqual(["Coded survey, 2024", undefined]);
  });

  test("a variable's label, in the file's encoding", () => {
    const bytes = fixture("survey.sav");
    expect(savTable(bytes, readSav(bytes)).columns.filter((c) => c.label)).toEqual([{ name: "income", type: "number", label: "Yearly income (EUR)" }]);
  });

  test("an uncompressed file and a ZLIB-compressed one (.zsav) read the same", () => {
    expect(lines("survey-plain.sav")).toEqual(lines("survey.sav"));
    expect(lines("survey.zsav")).toEqual(lines("survey.sav"));
  });

  test("other files say what they are", () => {
    // A .zsav cut off before its trailer, which lists its blocks.
    const cut = fixture("survey.zsav").subarray(0, -100);
    expect(() => [...savTable(cut, readSav(cut)).rows]).toThrow(/ZLIB trailer is past its end/);
    expect(() => readSav(new TextEncoder().encode("id,name\n1,Ada\n"))).toThrow(SavError);
    expect(() => readSav(fixture("survey.sav").subarray(0, 400))).toThrow(SavError);
  });

  test("says how many cases it holds, as its reader gives them (its load's progress is told against it)", () => {
    const bytes = fixture("survey.sav");
    const table = savTable(bytes, readSav(bytes));
    expect([table.rowCount, [...table.rows].length]).toEqual([4, 4]);
  });
});
