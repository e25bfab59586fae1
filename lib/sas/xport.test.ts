import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { typedTableLines } from "@/test/typed-table-lines";
import { ibmDouble, readXport, xportMemberFile, xportMembers, xportTable, XportError } from "./xport";

// XPORT 5 files from the xport package's tests, an XPORT 8 file ReadStat writes (test/fixtures/sas/README.md).
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/sas/${name}`, import.meta.url)));
const lines = (name: string) => {
  const bytes = fixture(name);
  return typedTableLines(xportTable(bytes, readXport(bytes)));
};

describe("SAS transport files (.xpt)", () => {
  test("SAS's own example (XPORT 5): text and numbers, the last record's padding left out", () => {
    const rows = lines("example.xpt");
    expect(rows.slice(0, 4)).toEqual(["VIT_STAT,ECON,COUNT,TEMP", "ALIVE,POOR,1216,98.6", "ALIVE,NOT,1761,95.4", "ALIVE,UNK,2517,86.7"]);
    expect(rows.at(-1)).toBe("");
    expect(rows.slice(1, -1).every((row) => /^(ALIVE|DEAD),\w+,\d+,[\d.]+$/.test(row))).toBe(true);
  });

  test("IBM doubles: whole numbers, zero, negative numbers, large and small ones", () => {
    const rows = lines("known-values.xpt");
    expect(rows.slice(0, 4)).toEqual(["X", "-1000", "-999", "-998"]);
    expect(rows[1001]).toBe("0");
    expect(rows[2001]).toBe("1000");
    expect(ibmDouble(new Uint8Array([0x41, 0x10, 0, 0, 0, 0, 0, 0]))).toBe(1);
    expect(ibmDouble(new Uint8Array([0xc2, 0x64, 0, 0, 0, 0, 0, 0]))).toBe(-100);
    expect(ibmDouble(new Uint8Array([0x40, 0x80, 0, 0, 0, 0, 0, 0]))).toBe(0.5);
    // Missing values: `.`, `.A`, `._`.
    for (const mark of [0x2e, 0x41, 0x5f]) expect(ibmDouble(new Uint8Array([mark, 0, 0, 0, 0, 0, 0, 0]))).toBeNaN();
  });

  test("XPORT 8 as ReadStat writes it: long names, labels, UTF-8 text, numbers cut to 3 and 4 bytes", () => {
    const xpt = readXport(fixture("people.xpt"));
    expect(xpt.columns.map((c) => [c.name, c.width])).toEqual([["id", 4], ["age", 3], ["income", 8], ["name", 16], ["code", 6]]);
    expect(xpt.columns[2]!.label).toBe("Yearly income (EUR)");
    const rows = lines("people.xpt");
    expect(rows.slice(0, 4)).toEqual(["id,age,income,name,code", "1,18,1000.5,Zoë Ångström,00000", '2,,1012.75,"person, 2",00001', "3,20,,日本語,00002"]);
    expect(rows).toHaveLength(302);
  });

  test("the dataset's label, from its descriptor's second record", () => {
    expect(readXport(fixture("example.xpt")).label).toBeUndefined();
    const labelled = fixture("example.xpt").slice();
    const at = xportMembers(labelled)[0]!.at + 3 * 80 + 32;
    labelled.set(new TextEncoder().encode("Economic survey".padEnd(40, " ")), at);
    expect(xportTable(labelled, readXport(labelled)).label).toBe("Economic survey");
  });

  test("a column's label, as the typed table's", () => {
    const bytes = fixture("people.xpt");
    expect(xportTable(bytes, readXport(bytes)).columns.find((c) => c.name === "income")).toEqual({ name: "income", type: "number", label: "Yearly income (EUR)" });
  });

  test("other files say what they are", () => {
    expect(() => readXport(new TextEncoder().encode("id,name\n1,Ada\n"))).toThrow(XportError);
    expect(() => readXport(new TextEncoder().encode(`**COMPRESSED** **COMPRESSED** **COMPRESSED** **COMPRESSED** **COMPRESSED********`))).toThrow(/CPORT/);
    expect(() => readXport(fixture("example.xpt").subarray(0, 500))).toThrow(XportError);
  });

  test("a library of several datasets: each named, each read when chosen, each written out as a library of its own", () => {
    // SAS's example then the known values' dataset, as PROC COPY writes a library of two members.
    const example = fixture("example.xpt");
    const known = fixture("known-values.xpt");
    const library = new Uint8Array([...example, ...known.subarray(3 * 80)]);
    expect(xportMembers(library).map((m) => m.name)).toEqual(["ECON", "DF.VALS"]);
    const read = (bytes: Uint8Array, member?: string) => typedTableLines(xportTable(bytes, readXport(bytes, member)));
    expect(read(library)).toEqual(lines("example.xpt"));
    expect(read(library, "ECON")).toEqual(lines("example.xpt"));
    expect(read(library, "DF.VALS")).toEqual(lines("known-values.xpt"));
    expect(() => readXport(library, "AE")).toThrow(/no dataset named "AE" \(it has ECON, DF.VALS\)/);
    const alone = xportMemberFile(library, "DF.VALS");
    expect(xportMembers(alone).map((m) => m.name)).toEqual(["DF.VALS"]);
    expect(read(alone)).toEqual(lines("known-values.xpt"));
    expect(xportMembers(known).map((m) => m.name)).toEqual(["DF.VALS"]);
  });

  test("says how many rows its dataset holds, its last record's padding left out (its load's progress is told against it)", () => {
    const bytes = fixture("example.xpt");
    const table = xportTable(bytes, readXport(bytes));
    // SAS's example dataset: 6 rows (the lines of text less the header and the last, empty one).
    expect([table.rowCount, [...table.rows].length, lines("example.xpt").length - 2]).toEqual([6, 6, 6]);
  });
});
