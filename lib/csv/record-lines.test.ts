import { describe, expect, it } from "vitest";
import { gapLines, RecordLineScanner, rowRuns, runsCsv, runsFromGaps, type ScanDialect } from "./record-lines";

const CSV: ScanDialect = { delimiter: ",", quote: '"', escape: '"', valueLines: true };

function scan(text: string, dialect: ScanDialect = CSV, chunk = 3) {
  const s = new RecordLineScanner(dialect);
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunk) s.update(bytes.subarray(i, i + chunk));
  return s.result();
}

/** Each record's line (0-based), from the runs. */
function lines(text: string, dialect: ScanDialect = CSV): number[] {
  const { runs, records } = scan(text, dialect);
  return Array.from({ length: records }, (_, k) => k + runs.findLast((r) => r.start <= k)!.offset);
}

describe("RecordLineScanner", () => {
  it("reads a clean text as one run, whatever its line ends", () => {
    expect(scan("a,b\n1,2\r\n3,4\r5,6")).toEqual({ runs: [{ start: 0, offset: 0 }], records: 4, gaps: 0 });
  });

  it("passes over blank lines (spaces and tabs too) and comment lines, and counts them", () => {
    expect(lines("a,b\n1,2\n\n3,4\n \t\n5,6\n")).toEqual([0, 1, 3, 5]);
    expect(lines("a,b\n# note\n1,2 # not a line of its own\n  # indented note\n3,4", { ...CSV, comment: "#" })).toEqual([0, 2, 4]);
    expect(scan("a,b\n\n1,2\n# last", { ...CSV, comment: "#" }).gaps).toBe(2);
  });

  it("keeps a quoted value's line ends (blank lines too) in its record, counted as lines of a file and not of a sheet", () => {
    const text = 'id,note\n1,"one\n\ntwo"\n\n2,"say ""hi,\n"" there"\n3,x\n';
    expect(lines(text)).toEqual([0, 1, 5, 7]);
    expect(lines(text, { ...CSV, valueLines: false })).toEqual([0, 1, 3, 4]);
    expect(lines('id,note\n1,"a \\" b\nc"\n2,y\n', { ...CSV, escape: "\\" })).toEqual([0, 1, 3]);
  });

  it("opens a quote only at the start of a field", () => {
    expect(lines('id,name\n1,O"Brien\n\n2,x\n')).toEqual([0, 1, 3]);
  });

  it("writes the runs for DuckDB as start, end and offset", () => {
    const { runs, records } = scan("a\n1\n\n2\n3\n\n\n4\n");
    expect(runsCsv(runs, records)).toBe("0,2,0\n2,4,1\n4,5,3\n");
  });

  it("gives the rows' runs without the header's record, each row's line its index plus the offset", () => {
    const { runs } = scan("a,b\n\n1,2\n3,4\n\n5,6\n");
    expect(runs).toEqual([{ start: 0, offset: 0 }, { start: 1, offset: 1 }, { start: 3, offset: 2 }]);
    // Row 0 (record 1) is on line 2, row 2 (record 3) on line 5.
    expect(rowRuns(runs, 1)).toEqual([{ start: 0, offset: 2 }, { start: 2, offset: 3 }]);
    expect(rowRuns(runs, 0)).toEqual(runs);
  });

  it("gives the same runs from the lines that are not rows, when every row is one line", () => {
    const text = "a,b\n\n1,2\n3,4\n\n5,6\n";
    // Lines 2 and 5 (1-based) are blank; the first row would be on line 2.
    expect(rowRuns(scan(text).runs, 1)).toEqual(runsFromGaps([2, 5], 2).map((r) => ({ ...r, offset: r.offset + 1 })));
    expect(runsFromGaps([], 2)).toEqual([{ start: 0, offset: 0 }]);
    expect(runsFromGaps([3, 4, 9], 2)).toEqual([{ start: 0, offset: 0 }, { start: 1, offset: 2 }, { start: 5, offset: 3 }]);
    const note = (line: number, status: "set aside" | "repaired") => ({ line, status, reason: "", text: "" });
    expect(gapLines([2, 5, 12, 14], [note(9, "set aside"), note(7, "repaired")], 4, 12)).toEqual([5, 9, 12]);
    // A row set aside with a value over two lines leaves both its lines.
    expect(gapLines([], [{ ...note(9, "set aside"), text: '1;"two\nlines";x' }], 4, 12)).toEqual([9, 10]);
  });
});
