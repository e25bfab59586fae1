import { describe, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { describeReadOptions, readOptionsFrom, statedReadOptions } from "./read-options";

const csv = (options: Record<string, unknown> = {}) => parseOptionsSchema.parse({ format: "csv", ...options });
const columns = [
  { name: "id", type: "BIGINT" },
  { name: "amount", type: "VARCHAR" },
];

describe("readOptionsFrom", () => {
  it("carries the options the file is not read with, and the forced types of the columns it has", () => {
    const expects = { columns, read: { format: "csv" as const, delimiter: ";", skip: 2, header: true, types: { amount: "DECIMAL(10,2)", gone: "DATE" } } };
    expect(readOptionsFrom(expects, csv({ delimiter: ",", header: true }), columns)).toEqual({ delimiter: ";", skip: 2, types: { amount: "DECIMAL(10,2)" } });
  });

  it("carries a fixed-width file's columns to the next file, which its delimiter alone would read as one column", () => {
    const expects = { columns, read: { format: "csv" as const, delimiter: ",", fixedWidth: [0, 9, 25] } };
    expect(readOptionsFrom(expects, csv(), columns)).toEqual({ delimiter: ",", fixedWidth: [0, 9, 25] });
    expect(describeReadOptions({ fixedWidth: [0, 9, 25] })).toBe("fixed-width columns at characters 1, 10, 26");
  });

  it("carries nothing to a file read as the recipe expects, or to a file of another format", () => {
    const expects = { columns, read: { format: "csv" as const, delimiter: ";", types: { amount: "DOUBLE" } } };
    expect(readOptionsFrom(expects, csv({ delimiter: ";", types: { amount: "DOUBLE" } }), columns)).toEqual({});
    expect(readOptionsFrom({ columns, read: { format: "xlsx", sheet: "Data" } }, csv(), columns)).toEqual({});
  });

  it("carries a statistical dataset's labelled codes read as codes to the next dataset of its format", () => {
    const stata = (options: Record<string, unknown> = {}) => parseOptionsSchema.parse({ format: "dta", ...options });
    expect(readOptionsFrom({ columns, read: { format: "dta", valueLabels: "codes" } }, stata(), columns)).toEqual({ valueLabels: "codes" });
    expect(readOptionsFrom({ columns, read: { format: "dta", valueLabels: "labels" } }, stata(), columns)).toEqual({});
    expect(readOptionsFrom({ columns, read: { format: "sav", valueLabels: "codes" } }, csv(), columns)).toEqual({});
    expect(describeReadOptions({ valueLabels: "codes" })).toBe("labelled codes as codes");
    // An SPSS file's declared missing values, kept, go to the next SPSS file; a Stata file has none.
    expect(readOptionsFrom({ columns, read: { format: "sav", userMissing: "kept" } }, csv({ format: "sav" }), columns)).toEqual({ userMissing: "kept" });
    expect(readOptionsFrom({ columns, read: { format: "sav", userMissing: "empty" } }, csv({ format: "sav" }), columns)).toEqual({});
    expect(statedReadOptions({ format: "dta", userMissing: "kept" })).toEqual({});
    expect(describeReadOptions({ userMissing: "kept" })).toBe("declared missing values kept");
  });
});

describe("describeReadOptions", () => {
  it("says the options in words", () => {
    expect(describeReadOptions({ delimiter: "\t", skip: 1, sheet: "Data", types: { amount: "DOUBLE" } })).toBe(
      "delimiter “tab”, 1 line skipped above the header, sheet “Data”, types amount DOUBLE",
    );
  });

  it("says how numbers are written, as a recipe carries it to the next file and its consent screen shows it", () => {
    expect(describeReadOptions(statedReadOptions({ format: "csv", delimiter: ";", numberFormat: "comma" }))).toBe("delimiter “;”, numbers written as 1.234,56");
    expect(describeReadOptions({ numberFormat: "plain" })).toBe("plain numbers only");
  });
});

describe("statedReadOptions", () => {
  it("keeps what a recipe states for its format, not what only says the file is read as it comes", () => {
    expect(statedReadOptions({ format: "csv", encoding: "utf-8", header: false, headerRow: 1, types: {}, sheet: "x" })).toEqual({ header: false });
    expect(statedReadOptions({ format: "xlsx", sheet: "Data", headerRow: 3, delimiter: ";" })).toEqual({ sheet: "Data", headerRow: 3 });
    expect(statedReadOptions({ encoding: "windows-1252", types: { a: "DATE" } })).toEqual({ encoding: "windows-1252", types: { a: "DATE" } });
  });
});
