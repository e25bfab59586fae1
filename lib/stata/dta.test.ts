import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DtaError } from "./dataset";
import { dtaTable, readDta } from "./dta";
import { typedTableLines } from "@/test/typed-table-lines";

// Written by pandas' Stata writer (test/fixtures/stata/make-survey.py).
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/stata/${name}`, import.meta.url)));
const lines = (name: string) => {
  const bytes = fixture(name);
  return typedTableLines(dtaTable(bytes, readDta(bytes)));
};

describe("Stata datasets", () => {
  test("format 118: value labels for codes, dates and date-times, missing values empty, a long string, UTF-8", () => {
    const rows = lines("survey-118.dta");
    expect(rows.slice(0, 4)).toEqual([
      "id,region,age,income,share,small,name,born,seen",
      "1,North,18,1000.5,0,0,Zoë Ångström,1990-01-01,2024-03-01 13:45:30",
      "2,South,,1012.75,0.125,1,person 2,1990-01-02,2024-03-01 14:45:30",
      "3,East,20,,0.25,2,person 3,1990-01-03,2024-03-01 15:45:30",
    ]);
    expect(rows).toHaveLength(252);
    // As pandas reads it back: {id: 250, region: "North", age: 27, income: 4050.75, share: 31.125, small: 49, …}.
    expect(rows[250]).toBe("250,North,27,4050.75,31.125,49,person 250,1990-09-07,2024-03-11 22:45:30");
  });

  test("format 117 (Stata 13): the same rows, its text in Windows-1252", () => {
    expect(lines("survey-117.dta").slice(0, 3)).toEqual(lines("survey-118.dta").slice(0, 3));
  });

  // A dataset from Stata 10 to 12 (an archive's survey from before 2013) was refused with "save it again in Stata 13".
  test("format 114 (Stata 10 to 12, no tags): the same rows and labels", () => {
    const rows = lines("survey-114.dta");
    expect(rows.slice(0, 4)).toEqual(lines("survey-118.dta").slice(0, 4));
    expect(rows[250]).toBe(lines("survey-118.dta")[250]);
    expect(rows).toHaveLength(252);
  });

  // A dataset from Stata 7 or older (an archive's survey from the 1990s) was refused with "open it in a later Stata".
  test("formats 104 to 111 (Stata 4 to 7): the same rows, their value labels, missing values and dates", () => {
    const expected = [
      "id,region,age,income,share,name,born",
      "1,North,18,1000.5,0,Zoë Ångström,1990-01-01",
      "2,South,,1012.75,0.125,person 2,1990-01-02",
      "3,East,20,,0.25,person 3,1990-01-03",
    ];
    for (const release of [105, 108, 111]) {
      const rows = lines(`survey-${release}.dta`);
      expect(rows.slice(0, 4), String(release)).toEqual(expected);
      expect(rows[20], String(release)).toBe("20,South,37,1233.25,2.375,person 20,1990-01-20");
      expect(rows).toHaveLength(22);
    }
    expect(lines("survey-105-be.dta")).toEqual(lines("survey-105.dta"));
    // Format 104 has no date format: the days stay numbers.
    expect(lines("survey-104.dta").slice(0, 3)).toEqual([expected[0], "1,North,18,1000.5,0,Zoë Ångström,10958", "2,South,,1012.75,0.125,person 2,10959"]);
  });

  test("variables' labels, in every format that keeps them", () => {
    const labelOf = (name: string) => {
      const bytes = fixture(name);
      return dtaTable(bytes, readDta(bytes)).columns.find((c) => c.name === "income")?.label;
    };
    expect(["survey-118.dta", "survey-114.dta", "survey-111.dta", "survey-105.dta"].map(labelOf)).toEqual(Array(4).fill("Yearly income (EUR)"));
    const bytes = fixture("survey-117.dta");
    expect(dtaTable(bytes, readDta(bytes)).columns.filter((c) => c.label)).toEqual([]);
  });

  // Written by Stata (haven's test data): x is 1 to 5, then .a, .h and .z, with labels for .a and .z.
  test("a labelled column's missing values .a to .z as their labels, where they have one; double and long columns alike", () => {
    for (const name of ["tagged-na-double.dta", "tagged-na-int.dta"]) expect(lines(name), name).toEqual(["x", "1", "2", "3", "4", "5", "apple", "", ".zebra", ""]);
  });

  test("the dataset's label, in every format that keeps one", () => {
    const label = (name: string) => readDta(fixture(name)).label;
    // notes.dta is written by Stata 12 (format 115: haven's test data).
    expect(["survey-118.dta", "survey-117.dta", "notes.dta", "survey-105.dta", "survey-114.dta"].map(label)).toEqual(["Household survey, 2024 wave", "Household survey", "This is a test dataset.", "survey", undefined]);
  });

  test("older formats and other files say what they are", () => {
    expect(() => readDta(new Uint8Array([109, 2, 1, 0, ...new Array(200).fill(0)]))).toThrow(/its format \(109\) is not one Stata writes/);
    expect(() => readDta(fixture("survey-105.dta").subarray(0, 900))).toThrow(/cut short/);
    expect(() => readDta(fixture("survey-114.dta").subarray(0, 2000))).toThrow(/cut short/);
    expect(() => readDta(new TextEncoder().encode("id,name\n1,Ada\n"))).toThrow(DtaError);
    expect(() => readDta(fixture("survey-118.dta").subarray(0, 3000))).toThrow(/cut short|has no/);
  });

  test("says how many rows it holds, as its reader gives them (its load's progress is told against it)", () => {
    const bytes = fixture("survey-118.dta");
    const table = dtaTable(bytes, readDta(bytes));
    expect([table.rowCount, [...table.rows].length]).toEqual([250, 250]);
  });
});
