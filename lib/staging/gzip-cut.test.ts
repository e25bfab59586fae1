import { describe, expect, it } from "vitest";
import { accountLines } from "@/lib/csv/accounting";
import { CUT_LINE, cutLineStart, describeGzipCut, withCutLine } from "./gzip-cut";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("cutLineStart", () => {
  it("finds the start of the last line, after a line feed or a carriage return", () => {
    expect(cutLineStart(bytes("a,b\n1,2\n3,"))).toBe(8);
    expect(cutLineStart(bytes("a,b\r1,2\r3,"))).toBe(8);
    expect(cutLineStart(bytes("a,b\n"))).toBe(4);
  });

  it("finds none in a text of one line", () => {
    expect(cutLineStart(bytes("a,b,c"))).toBeNull();
  });
});

describe("withCutLine", () => {
  it("sets the cut line aside after the lines read, and the lines still add up", () => {
    const lines = accountLines({ total: 3, preamble: 0, header: 1, notes: 0, blank: 0, setAside: 0, rowLines: 2, rows: 2, repaired: 0 });
    const read = withCutLine({ lines, notes: [], other: 1 }, "3,");
    expect(read.notes).toEqual([{ line: 4, status: "set aside", reason: CUT_LINE, text: "3," }]);
    expect(read.lines).toMatchObject({ total: 4, setAside: 1, rows: 2, balanced: true });
    expect(read.other).toBe(1);
  });
});

describe("describeGzipCut", () => {
  it("says how much text was read", () => {
    expect(describeGzipCut({ inflatedBytes: 2_500_000 })).toContain("the 2.4 MB of text it held were read");
  });
});
