import { describe, expect, it } from "vitest";
import { LineCounter, splitLines, tabLinesAsEmpty, withLastLineBlank } from "./lines";

/** The count the slow way: split the whole text. */
function reference(text: string) {
  const lines = splitLines(text);
  const real = text === "" ? [] : lines;
  const blankAt = real.flatMap((l, i) => (/^[ \t]*$/.test(l) ? [i + 1] : []));
  const emptyAt = real.flatMap((l, i) => (/^[ \t,;|]*$/.test(l) && !/^[ \t]*$/.test(l) ? [i + 1] : []));
  const tabsAt = real.flatMap((l, i) => (/^[ \t]*$/.test(l) && l.includes("\t") ? [i + 1] : []));
  return { lines: real.length, blank: blankAt.length, blankAt, emptyAt, ...(tabsAt.length ? { tabsAt } : {}) };
}

function count(text: string, chunkSize: number) {
  const bytes = new TextEncoder().encode(text);
  const counter = new LineCounter();
  for (let i = 0; i < bytes.length; i += chunkSize) counter.update(bytes.subarray(i, i + chunkSize));
  return counter.result();
}

describe("LineCounter", () => {
  it("counts a last line whose only byte was left out as blank", () => {
    expect(withLastLineBlank(count("a,b\n1,2\n\x1a", 1024))).toEqual({ lines: 3, blank: 1, blankAt: [3], emptyAt: [] });
    expect(withLastLineBlank(count("a\n\nb\n\x1a", 1024))).toEqual({ lines: 4, blank: 2, blankAt: [2, 4], emptyAt: [] });
  });

  it("notes the lines after the first that start with a byte-order mark (files joined end to end, each with its mark)", () => {
    const joined = "\uFEFF1,a\n2,b\r\n\uFEFF3,c\n4,\uFEFFd\n\uFEFF5,e\n\uFEFF";
    // However the chunks cut it, a mark split between two included.
    for (const size of [1, 2, 3, 5, 11, 1024]) expect(count(joined, size).markedAt).toEqual([3, 5, 6]);
    // Two of a mark's three bytes, split by a chunk's end, are no mark.
    const counter = new LineCounter();
    for (const chunk of [[0x31, 0x0a, 0xef], [0xbb, 0x2c, 0x62, 0x0a]]) counter.update(Uint8Array.from(chunk));
    expect(counter.result().markedAt).toBeUndefined();
    expect(count("\uFEFF1,a\n2,b\n", 1024).markedAt).toBeUndefined();
  });

  it("counts LF, CRLF and lone CR line ends, a last line without an end, and blank lines", () => {
    expect(count("a,b\n1,2\n", 1024)).toEqual({ lines: 2, blank: 0, blankAt: [], emptyAt: [] });
    expect(count("a,b\r\n1,2\r\n\r\n3,4", 1024)).toEqual({ lines: 4, blank: 1, blankAt: [3], emptyAt: [] });
    expect(count("a\rb\r\rc\n", 1024)).toEqual({ lines: 4, blank: 1, blankAt: [3], emptyAt: [] });
    expect(count("a\n \t \n\nb", 1024)).toEqual({ lines: 4, blank: 2, blankAt: [2, 3], emptyAt: [], tabsAt: [2] });
    expect(count("a\n ", 1024)).toEqual({ lines: 2, blank: 1, blankAt: [2], emptyAt: [] });
    expect(count("", 1024)).toEqual({ lines: 0, blank: 0, blankAt: [], emptyAt: [] });
    expect(count("a,b\n,\n1,2\n ; |\n,x\n,,", 1024)).toEqual({ lines: 6, blank: 0, blankAt: [], emptyAt: [2, 4, 6] });
  });

  it("gives the same count however the text is cut into chunks (a CRLF split between two)", () => {
    const pieces = ["a,b", "", " ", "1,2", "x y", "\t", ",,", " ,;", ",a"];
    const ends = ["\n", "\r\n", "\r"];
    let seed = 3;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 200; t++) {
      let text = "";
      for (let i = 0, n = next(12); i < n; i++) text += pieces[next(pieces.length)]! + (i < n - 1 || next(2) ? ends[next(ends.length)] : "");
      for (const size of [1, 2, 3, 7, 64]) expect(count(text, size), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it("takes lines of tabs alone among the rows of text delimited by tabs for empty rows, not blank lines", () => {
    const counted = count("a\tb\n1\t2\n\t\n\n3\t4\n\t\n", 7);
    expect(counted).toEqual({ lines: 6, blank: 3, blankAt: [3, 4, 6], emptyAt: [], tabsAt: [3, 6] });
    expect(tabLinesAsEmpty(counted, "\t", 2, 5)).toEqual({ lines: 6, blank: 2, blankAt: [4, 6], emptyAt: [3], tabsAt: [3, 6] });
    expect(tabLinesAsEmpty(counted, ",", 2, 6)).toBe(counted);
  });
});
