import { describe, expect, it } from "vitest";
import { isWrappedLines, wrappedLineAsCsv } from "./wrapped-lines";

describe("isWrappedLines", () => {
  it("finds lines each wrapped in quotes, quotes inside doubled, that split alike by a delimiter", () => {
    expect(isWrappedLines(['"id,name,amount"', '"1,""Bo, Jr"",10"', '"2,Ada,20"'])).toBe(true);
    expect(isWrappedLines(['"id;name"\r', '"1;Ada"\r', "", '"2;Bo"\r'])).toBe(true);
    // The last line may be cut off where the sample ends.
    expect(isWrappedLines(['"id,name"', '"1,Ada"', '"2,Bo"', '"3,C'])).toBe(true);
  });

  it("takes a bad line or a line not wrapped among many for what they are", () => {
    const rows = Array.from({ length: 20 }, (_, i) => `"${i},name${i},${i * 10}"`);
    expect(isWrappedLines(['"id,name,amount"', ...rows.slice(0, 10), '"11,name,1,extra,more"', ...rows.slice(10), "Total", ""])).toBe(true);
    expect(isWrappedLines(['"id,name,amount"', ...rows.slice(0, 5), '"11,name,1,extra,more"', "Total", ...rows.slice(5, 8)])).toBe(false);
  });

  it("leaves one column of quoted text, ordinary CSV and a lone quote inside as they are", () => {
    expect(isWrappedLines(['"address"', '"1 Main St, Springfield"', '"2 Oak Ave, Shelbyville"'])).toBe(false);
    expect(isWrappedLines(['"a sentence, with a comma"', '"another, with two, commas"', '"a third one"'])).toBe(false);
    expect(isWrappedLines(['"id","name"', '"1","Ada"', '"2","Bo"'])).toBe(false);
    expect(isWrappedLines(["id,name", "1,Ada", "2,Bo"])).toBe(false);
    expect(isWrappedLines(['"id,name"', '"1,A"da"', '"2,Bo"'])).toBe(false);
    expect(isWrappedLines(['"id,name"'])).toBe(false);
  });
});

describe("wrappedLineAsCsv", () => {
  it("gives the text inside the quotes, a blank line blank and any other line as it is", () => {
    expect(wrappedLineAsCsv('"1,""Bo, Jr"",10"\r')).toBe('1,"Bo, Jr",10\n');
    expect(wrappedLineAsCsv("")).toBe("\n");
    expect(wrappedLineAsCsv("Total: 2")).toBe("Total: 2\n");
  });
});
