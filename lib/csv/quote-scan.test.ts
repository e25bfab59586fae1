import { describe, expect, it } from "vitest";
import { QuoteScanner } from "./quote-scan";
import type { Dialect } from "./records";

const CSV: Dialect = { delimiter: ",", quote: '"', escape: '"' };
const bytes = (text: string) => new TextEncoder().encode(text);

function scan(text: string, dialect = CSV, chunk = Infinity) {
  const scanner = QuoteScanner.for(dialect)!;
  const all = bytes(text);
  for (let at = 0; at < all.length; at += Math.min(chunk, all.length)) scanner.update(all.subarray(at, at + chunk));
  return scanner.result();
}
/** The line (1-based) of each byte offset found. */
const lineOf = (text: string, at: number) => new TextDecoder().decode(bytes(text).subarray(0, at)).split(/\r\n|\n|\r/).length;

describe("QuoteScanner", () => {
  it("finds nothing in quoting by the rules: doubled quotes, delimiters and line ends inside quotes, quotes inside unquoted values", () => {
    expect(scan('id,text\n1,"a ""b"", c"\n2,"two\nlines"\n3,5" pipe\n4,""\n')).toEqual([]);
  });

  it("finds the line of a quote that never closes", () => {
    const text = 'id,text\n1,a\n2,"unterminated\n3,ok\n';
    const found = scan(text)!;
    expect(found.map((f) => [lineOf(text, f.at), f.problem])).toEqual([[3, "a quote that never closes"]]);
    // After a value spanning lines, the line is still counted right, in one chunk or many.
    const spanning = 'id,text\n1,"two\r\nlines"\n2,"open\n3,x\n';
    expect(scan(spanning)!.map((f) => lineOf(spanning, f.at))).toEqual([4]);
    expect(scan(spanning, CSV, 3)).toEqual(scan(spanning));
  });

  it("finds a line whose quoted value is followed by more text, and the line a stray quote opened on when its close comes lines later", () => {
    const text = 'id,text,n\n1,"bad "quote" inside",2\n2,"stray,3\n3,"said ""hi""",4\n4,ok,5\n';
    const found = scan(text)!;
    expect(found.map((f) => [lineOf(text, f.at), f.problem])).toEqual([
      [2, "text after a closing quote"],
      [3, "a quote closed on a later line"],
    ]);
  });

  it("finds the same across chunk boundaries, with CRLF line ends and with an escape other than the quote", () => {
    const text = 'a,b\r\n1,"x\\"y"\r\n2,"bad "q" x"\r\n';
    const escaped = { ...CSV, escape: "\\" };
    const whole = scan(text, escaped);
    expect(whole!.map((f) => lineOf(text, f.at))).toEqual([3]);
    expect(scan(text, escaped, 1)).toEqual(whole);
    expect(scan('a,b\n1,"x""\n"y",2\n', CSV, 1)).toEqual(scan('a,b\n1,"x""\n"y",2\n'));
  });

  it("leaves dialects it cannot scan byte by byte, and files with too many such lines, to the lenient read", () => {
    expect(QuoteScanner.for({ delimiter: "||", quote: '"', escape: '"' })).toBeNull();
    expect(QuoteScanner.for({ delimiter: ",", quote: "", escape: "" })).toBeNull();
    expect(scan(`a\n${'"x"y\n'.repeat(1001)}`)).toBeNull();
    expect(scan(`a\n${'"x"y\n'.repeat(1000)}`)).toHaveLength(1000);
  });
});
