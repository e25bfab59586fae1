import { describe, expect, it } from "vitest";
import { fixedWidthConverter } from "@/lib/csv/fixed-width";
import { markdownLineAsCsv } from "@/lib/csv/markdown-table";
import { linesAsCsv } from "./lines-as-csv";

describe("linesAsCsv", () => {
  it("writes fixed-width lines as CSV lines, line for line, a blank line blank, across the pieces it reads", async () => {
    const text = "ID  NAME         AMOUNT\r\n1   Smith, Ann    120.50\r\n\n22  \"Bob\"           3.00\n333 Carol          1000";
    const out = await (await linesAsCsv(new Blob([text.slice(0, 17), text.slice(17, 40), text.slice(40)]), fixedWidthConverter([0, 4, 17]))).text();
    expect(out).toBe('ID,NAME,AMOUNT\r\n1,"Smith, Ann",120.50\r\n\r\n22,"""Bob""",3.00\r\n333,Carol,1000\r\n');
  });

  it("writes a Markdown table's rows as CSV lines, its line of dashes blank", async () => {
    const text = "| id | name |\n|----|------|\n| 1 | Smith, Ann |\n";
    expect(await (await linesAsCsv(new Blob([text.slice(0, 20), text.slice(20)]), markdownLineAsCsv)).text()).toBe('id,name\r\n\r\n1,"Smith, Ann"\r\n');
  });
});
