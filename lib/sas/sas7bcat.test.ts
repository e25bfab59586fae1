import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { typedTableLines } from "@/test/typed-table-lines";
import { readSas7bcat } from "./sas7bcat";
import { readSas7bdat, sas7bdatTable, SasError } from "./sas7bdat";
import { missingTag } from "./values";

// Written by SAS: haven's and pyreadstat's test data (test/fixtures/sas/README.md).
const fixture = (name: string) => {
  const bytes = readFileSync(new URL(`../../test/fixtures/sas/${name}`, import.meta.url));
  return new Uint8Array(name.endsWith(".gz") ? gunzipSync(bytes) : bytes);
};
const labels = (...entries: [number | string, string][]) => new Map(entries);
const labelled = (dataset: string, catalog: string) => {
  const bytes = fixture(dataset);
  return typedTableLines(sas7bdatTable(bytes, readSas7bdat(bytes), readSas7bcat(fixture(catalog))));
};

describe("SAS format catalogs (.sas7bcat)", () => {
  test("a 32-bit catalog: a text format and a number format, each value with its label", () => {
    expect(readSas7bcat(fixture("formats.sas7bcat"))).toEqual(
      new Map([
        ["$GENDER", labels(["f", "Female"], ["m", "Male"])],
        ["WORKSHOP", labels([1, "R"], [2, "SAS"])],
      ]),
    );
  });

  test("a 64-bit catalog, written on Linux", () => {
    expect(readSas7bcat(fixture("test_formats_linux.sas7bcat"))).toEqual(
      new Map([
        ["$A", labels(["1", "Male"], ["2", "Female"])],
        ["$B", labels(["2", "Female"], ["1", "Male"])],
      ]),
    );
  });

  test("labels of special missing values (.A, .Z)", () => {
    expect(readSas7bcat(fixture("tagged-na.sas7bcat"))).toEqual(new Map([["XFMT", labels([".A", "Apple"], [".Z", "Zebra"])]]));
    // A 64-bit catalog's number format (pyreadstat's missing_formats: VALUE A .A = "missing").
    expect(readSas7bcat(fixture("missing_formats.sas7bcat"))).toEqual(new Map([["A", labels([".A", "missing"])]]));
    expect([0, 1, 2, 27, 0x41, 0x2e].map(missingTag)).toEqual(["._", ".", ".A", ".Z", ".A", "."]);
  });

  test("a dataset read with its catalog: codes as their labels, as haven and pyreadstat read them", () => {
    expect(labelled("hadley.sas7bdat.gz", "formats.sas7bcat").slice(0, 6)).toEqual([
      "id,workshop,gender,q1,q2,q3,q4",
      "1,R,Female,1,1,5,1",
      "2,SAS,Female,2,1,4,1",
      "3,R,Female,2,2,4,3",
      "4,SAS,,3,1,,3",
      "5,R,Male,4,5,2,4",
    ]);
    expect(labelled("test_data_linux.sas7bdat.gz", "test_formats_linux.sas7bcat")).toEqual(["ID,SEXA,SEXB", "ID1,Male,Male", "ID2,Female,Female", "ID3,Male,Male", ""]);
    // Special missing values: .A and .Z have labels, .H has none and stays missing.
    expect(labelled("tagged-na.sas7bdat.gz", "tagged-na.sas7bcat")).toEqual(["x", "1", "2", "3", "4", "5", "Apple", "", "Zebra", ""]);
  });

  test("a labelled column: a code without a label as its number's text", () => {
    const bytes = fixture("hadley.sas7bdat.gz");
    const sas = readSas7bdat(bytes);
    const table = sas7bdatTable(bytes, sas, new Map([["WORKSHOP", new Map([[1, "R"]])]]));
    expect(table.columns.slice(0, 3)).toEqual([{ name: "id", type: "number" }, { name: "workshop", type: "labelled" }, { name: "gender", type: "text" }]);
    expect(typedTableLines(table).slice(1, 3)).toEqual(["1,R,f,1,1,5,1", "2,2,f,2,1,4,1"]);
  });

  test("other files say what they are", () => {
    expect(() => readSas7bcat(fixture("hadley.sas7bdat.gz"))).toThrow(/a SAS dataset, not a catalog/);
    expect(() => readSas7bdat(fixture("formats.sas7bcat"))).toThrow(/SAS catalog .* Add it together with the datasets/);
    expect(() => readSas7bcat(new TextEncoder().encode("id,name\n1,Ada\n"))).toThrow(SasError);
    expect(() => readSas7bcat(fixture("formats.sas7bcat").subarray(0, 9000))).toThrow(/cut short/);
  });
});
