import { describe, expect, it } from "vitest";
import { rowsOfWidth, type Dialect } from "./records";
import { repairChunk, type RepairContext } from "./repair";
import { learnShapes } from "./shapes";

/** Mending rejected stretches of text from the shapes of a table's good rows. */
const dialect: Dialect = { delimiter: ";", quote: '"', escape: '"' };
const good = Array.from({ length: 12 }, (_, i) => `${1000 + i};2024-01-${String(i + 1).padStart(2, "0")};${i + 1};red, box and lamp;https://shop.example/p/${i}`);
const ctx: RepairContext = { dialect, width: 5, shapes: learnShapes(rowsOfWidth(good, dialect, 5), 5) };
const summary = (text: string) => repairChunk(text, ctx).map((o) => [o.kind, o.lines, "reason" in o ? o.reason : "repair" in o ? (o.repair ?? "") : ""]);

describe("repairChunk", () => {
  it("pads a short row and drops a trailing delimiter", () => {
    expect(summary("1000;2024-01-01;3;blue, box and desk")).toEqual([["row", 1, "padded with 1 empty value"]]);
    expect(summary(`${good[0]};`)).toEqual([["row", 1, "a trailing delimiter dropped"]]);
  });

  it("drops a stray quote that ran the lines after it into one value, and mends those lines on their own", () => {
    const text = [`1000;"2024-01-01;3;red, box and lamp;https://shop.example/p/0`, good[1], good[2]].join("\n");
    expect(summary(text)).toEqual([["row", 1, "a stray quote dropped"], ["row", 1, ""], ["row", 1, ""]]);
  });

  it("sets aside alone a line whose stray quote ran the lines after it in, when it does not fit even without the quote", () => {
    // An extra delimiter too: the line alone is a row of six values, and the rows it ran in are rows again.
    const text = [`1000;"20;24-01-01;3;red, box and lamp;https://shop.example/p/0`, good[1], good[2], `1003;2024-01-04;4;"said ""hi"", then left";https://shop.example/p/3`].join("\n");
    expect(summary(text)).toEqual([
      ["setAside", 1, "a stray quote, and 6 values where the header has 5"],
      ["row", 1, ""],
      ["row", 1, ""],
      ["row", 1, ""],
    ]);
  });

  it("sets aside alone a short line whose stray quote ran a whole row in", () => {
    const text = [`1000;2024-01-01;3;"red`, good[1], `1002;2024-01-03;3;"said ""hi"", then left";https://shop.example/p/2;more;values`].join("\n");
    expect(summary(text)).toEqual([["setAside", 1, "a stray quote, and 4 values where the header has 5, and no single mend fits every column"], ["row", 1, ""], ["setAside", 1, "7 values where the header has 5"]]);
  });

  it("reads apart two rows that a stray quote joined into one record as wide as the table", () => {
    // The quote opening the first line closes at the quote opening the next line's first value.
    const next = `"1001";"2024-01-02";"2";"red, box and lamp";"https://shop.example/p/1"`;
    const text = [`"1000;2024-01-01;3;red, box and lamp;https://shop.example/p/0`, next, good[2]].join("\n");
    expect(summary(text)).toEqual([["row", 1, "a stray quote dropped"], ["row", 1, ""], ["row", 1, ""]]);
    // A value over two lines is one row.
    expect(summary(['1000;2024-01-01;3;"red, box', 'and lamp";https://shop.example/p/0'].join("\n"))).toEqual([["row", 2, ""]]);
  });

  it("sets aside a value over two lines whole when its row has too many values", () => {
    const text = ['1000;2024-01-01;3;"red, box', 'and lamp";https://shop.example/p/0;extra'].join("\n");
    expect(summary(text)).toEqual([["setAside", 2, "6 values where the header has 5"]]);
  });
});
