import { describe, expect, it } from "vitest";
import { isMarkdownTable, markdownCells, markdownLineAsCsv } from "./markdown-table";

const table = ["| id | name | amount |", "|---:|:-----|-------:|", "| 1 | Ada | 2.5 |", "| 2 | Bo \\| Co | 3.5 |"];

describe("isMarkdownTable", () => {
  it("finds a pipe table, under a title too", () => {
    expect(isMarkdownTable(table)).toBe(true);
    expect(isMarkdownTable(["# Sales", "", ...table, "", "Source: finance"])).toBe(true);
  });

  it("leaves pipe-delimited text and a table with no rows alone", () => {
    expect(isMarkdownTable(["id|name", "1|Ada", "2|Bo"])).toBe(false);
    expect(isMarkdownTable(["| id | name |", "| 1 | Ada |", "| 2 | Bo |"])).toBe(false);
    expect(isMarkdownTable(["| id | name |", "|---|---|"])).toBe(false);
  });
});

describe("markdownLineAsCsv", () => {
  it("gives a row's cells as a CSV line, the line of dashes as a blank line, other text as one value", () => {
    expect(table.map(markdownLineAsCsv)).toEqual(["id,name,amount\r\n", "\r\n", "1,Ada,2.5\r\n", '2,Bo | Co,3.5\r\n']);
    expect(markdownLineAsCsv("Source: finance, 2024\r")).toBe('"Source: finance, 2024"\r\n');
    expect(markdownLineAsCsv("")).toBe("\r\n");
  });

  it("keeps empty cells and quotes in cells", () => {
    expect(markdownCells('|  | "x" |  |')).toEqual(["", '"x"', ""]);
    expect(markdownLineAsCsv('| 1 | say "hi" | |')).toBe('1,"say ""hi""",\r\n');
  });
});
