import { describe, expect, it } from "vitest";
import { countLinesStartingWith, lineFrom, linesAt, linesEqualTo } from "./blob-lines";

describe("lineFrom", () => {
  it("reads the line that starts at a byte, up to any line end or the end of the text", async () => {
    const blob = new Blob(["a,b\r\n1,\"x\r2,y\n3,z"]);
    expect(await lineFrom(blob, 0)).toBe("a,b");
    expect(await lineFrom(blob, 5)).toBe('1,"x');
    expect(await lineFrom(blob, 10)).toBe("2,y");
    expect(await lineFrom(blob, 14)).toBe("3,z");
  });

  it("reads a line longer than one chunk whole", async () => {
    const long = "v".repeat(200_000);
    expect(await lineFrom(new Blob([`x\n${long}\ny`]), 2)).toBe(long);
  });
});

describe("linesAt", () => {
  it("gives the line of each byte, the last line's too when the file does not end with a line end", async () => {
    const blob = new Blob(["x,y\n1,2\r\n3,4\rfoo"]);
    const at = await linesAt(blob, [0, 1, 4, 9, 13, 14, 16]);
    expect([...at]).toEqual([
      [0, 0],
      [1, 0],
      [4, 1],
      [9, 2],
      [13, 3],
      [14, 3],
      [16, 3],
    ]);
    expect([...(await linesAt(new Blob(["x\nfoo\n"]), [3]))]).toEqual([[3, 1]]);
  });
});

describe("linesEqualTo", () => {
  it("finds the lines that are exactly a text, with their bytes, across chunks and line ends", async () => {
    const text = "id,name\r\n1,a\nid,name\rid,names\n id,name\nid,name";
    const found = await linesEqualTo(new Blob([text]), "id,name");
    expect(found.map((f) => f.line)).toEqual([0, 2, 5]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe("id,name");
    const chunked = new Blob(Array.from(text, (c) => c));
    expect(await linesEqualTo(chunked, "id,name")).toEqual(found);
    expect(await linesEqualTo(new Blob(["é,x\né,x\n"]), "é,x")).toEqual([{ line: 0, start: 0, end: 4 }, { line: 1, start: 5, end: 9 }]);
  });
});

describe("countLinesStartingWith", () => {
  it("counts the lines that start with a mark, after any line end, across chunks", async () => {
    expect(await countLinesStartingWith(new Blob(["# a\nid,n\n#b\r\n1,#\r# c\n"]), "#")).toBe(3);
    // A line start at a chunk's edge: the mark first in the next chunk.
    expect(await countLinesStartingWith(new Blob(["x\n", "#y\n", "z#\n#"]), "#")).toBe(2);
    expect(await countLinesStartingWith(new Blob(["id,n\n1,a\n"]), "#")).toBe(0);
  });
});
