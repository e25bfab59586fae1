import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { typedTableLines } from "@/test/typed-table-lines";
import { declaredMissing, withoutDeclaredMissing } from "./missing";
import { porTable, PorError, readPor } from "./por";
import { readSav, savTable } from "./sav";

// GNU PSPP's `pspp-convert survey.sav survey.por` (test/fixtures/spss/survey.sps wrote the .sav).
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/spss/${name}`, import.meta.url)));
const lines = (bytes: Uint8Array) => typedTableLines(porTable(readPor(bytes)));

describe("SPSS portable files", () => {
  test("the .sav file's cases: value labels, missing values, dates and date-times, UTF-8 text", () => {
    const por = lines(fixture("survey.por"));
    const sav = typedTableLines(savTable(fixture("survey.sav"), readSav(fixture("survey.sav"))));
    // A portable file keeps names of 8 upper-case characters and strings of 255 bytes.
    expect(por[0]).toBe("ID,REGION_O,AGE,INCOME,BORN,SEEN,NAME,CODE,LONGNOTE");
    const upTo = (row: string, fields: number) => row.split(",").slice(0, fields);
    for (let r = 1; r <= 4; r++) expect(upTo(por[r]!, 8), `row ${r}`).toEqual(upTo(sav[r]!, 8));
    expect(por[2]).toMatch(/^2,South,,1012\.75,1990-01-02,2024-03-01 14:45:30,person 2,B02,x{250}éper$/);
    // Cut at 255 bytes inside "ë": the half character is left out, the rest read as UTF-8.
    expect(por[1]).toMatch(/,x{250}éZo$/);
    expect(por).toHaveLength(6);
  });

  test("value labels of strings, and values declared missing, as the .sav file's", () => {
    expect(lines(fixture("coded.por"))).toEqual(["ID,SEX,COUNTRY,SCORE", "1,Female,Germany,low", "2,Male,France,middle", "3,X,Elsewhere,30", "4,,Germany,", "5,,,middle", ""]);
    const por = readPor(fixture("coded.por"));
    expect(declaredMissing(por.variables)).toEqual({ SEX: '"?"', COUNTRY: '"n/a"', SCORE: "35 to 99" });
    expect(typedTableLines(porTable({ ...por, variables: withoutDeclaredMissing(por.variables) })).slice(-3, -1)).toEqual(["4,,Germany,no answer", "5,?,n/a,middle"]);
  });

  test("a variable's label", () => {
    // A portable file keeps names in capitals.
    expect(porTable(readPor(fixture("survey.por"))).columns.filter((c) => c.label)).toEqual([{ name: "INCOME", type: "number", label: "Yearly income (EUR)" }]);
  });

  test("lines of any length, CR LF or LF, read the same", () => {
    const text = new TextDecoder("latin1").decode(fixture("survey.por"));
    const lf = new Uint8Array([...text.replaceAll("\r\n", "\n")].map((c) => c.charCodeAt(0)));
    // Trailing spaces trimmed from each line, as some writers do.
    const trimmed = new Uint8Array([...text.replace(/ +\r\n/g, "\r\n")].map((c) => c.charCodeAt(0)));
    expect(lines(lf)).toEqual(lines(fixture("survey.por")));
    expect(lines(trimmed)).toEqual(lines(fixture("survey.por")));
  });

  test("other files say what they are", () => {
    expect(() => readPor(new TextEncoder().encode("id,name\n1,Ada\n"))).toThrow(PorError);
    expect(() => [...porTable(readPor(fixture("survey.por").subarray(0, 900))).rows]).toThrow(/cut short/);
  });
});
