import { describe, expect, it } from "vitest";
import { wrappedLineAsCsv, wrappedLinesIn } from "./wrapped-lines";

describe("wrappedLinesIn", () => {
  it("finds lines each wrapped in quotes, quotes inside doubled, that split alike by a delimiter", () => {
    expect(wrappedLinesIn(['"id,name,amount"', '"1,""Bo, Jr"",10"', '"2,Ada,20"'])).toBe(true);
    expect(wrappedLinesIn(['"id;name"\r', '"1;Ada"\r', "", '"2;Bo"\r'])).toBe(true);
    // The last line may be cut off where the sample ends.
    expect(wrappedLinesIn(['"id,name"', '"1,Ada"', '"2,Bo"', '"3,C'])).toBe(true);
  });

  it("takes a bad line or a line not wrapped among many for what they are", () => {
    const rows = Array.from({ length: 20 }, (_, i) => `"${i},name${i},${i * 10}"`);
    expect(wrappedLinesIn(['"id,name,amount"', ...rows.slice(0, 10), '"11,name,1,extra,more"', ...rows.slice(10), "Total", ""])).toBe(true);
    expect(wrappedLinesIn(['"id,name,amount"', ...rows.slice(0, 5), '"11,name,1,extra,more"', "Total", ...rows.slice(5, 8)])).toBeUndefined();
  });

  it("leaves one column of quoted text, ordinary CSV and a lone quote inside as they are", () => {
    expect(wrappedLinesIn(['"address"', '"1 Main St, Springfield"', '"2 Oak Ave, Shelbyville"'])).toBeUndefined();
    expect(wrappedLinesIn(['"a sentence, with a comma"', '"another, with two, commas"', '"a third one"'])).toBeUndefined();
    expect(wrappedLinesIn(['"id","name"', '"1","Ada"', '"2","Bo"'])).toBeUndefined();
    expect(wrappedLinesIn(["id,name", "1,Ada", "2,Bo"])).toBeUndefined();
    expect(wrappedLinesIn(['"id,name"', '"1,A"da"', '"2,Bo"'])).toBeUndefined();
    expect(wrappedLinesIn(['"id,name"'])).toBeUndefined();
  });

  // A headerless list of quoted addresses, each with one comma, was split into two columns.
  it("reads lines whose delimiters are all followed by a space, as in text, whole: false, so the choice shows", () => {
    const addresses = ['"12 Main St, Springfield"', '"4 Oak Ave, Shelbyville"', '"9 Elm Rd, Ogdenville"', '"1 Pine Ct, North Haverbrook"'];
    expect(wrappedLinesIn(addresses)).toBe(false);
    expect(wrappedLinesIn(['"Smith; John"', '"Doe; Jane"', '"Roe; Richard"'])).toBe(false);
    // A table whose fields are followed by spaces in only some lines is still a table.
    expect(wrappedLinesIn(['"id,name"', '"1, Ada"', '"2,Bo"', '"3,Cy"', '"4,Di"'])).toBe(true);
  });
});

describe("wrappedLineAsCsv", () => {
  it("gives the text inside the quotes, a blank line blank and any other line as it is", () => {
    expect(wrappedLineAsCsv('"1,""Bo, Jr"",10"\r')).toBe('1,"Bo, Jr",10\n');
    expect(wrappedLineAsCsv("")).toBe("\n");
    expect(wrappedLineAsCsv("Total: 2")).toBe("Total: 2\n");
  });
});
