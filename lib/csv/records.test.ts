import { describe, expect, it } from "vitest";
import { splitFields, splitInnerQuotes } from "./records";

const CSV = { delimiter: ",", quote: '"', escape: '"' };

describe("splitInnerQuotes", () => {
  it("reads the quotes inside a quoted value as text, where the lenient split drops one and keeps the rest", () => {
    const line = '1,"bad "quote" inside",2';
    expect(splitFields(line, CSV).fields).toEqual(["1", 'bad quote" inside"', "2"]);
    expect(splitInnerQuotes(line, CSV)).toEqual(["1", 'bad "quote" inside', "2"]);
  });

  it("reads a line quoted by the rules as the lenient split does", () => {
    const line = '"a ""b""",,"c, d",e';
    expect(splitInnerQuotes(line, CSV)).toEqual(splitFields(line, CSV).fields);
    expect(splitInnerQuotes('x,"y\\"z"', { ...CSV, escape: "\\" })).toEqual(["x", 'y"z']);
  });

  it("gives up on a quoted value with no quote before a delimiter or the line's end", () => {
    expect(splitInnerQuotes('1,"open, "x" y', CSV)).toBeNull();
    expect(splitInnerQuotes("1,2", { ...CSV, quote: "" })).toBeNull();
  });
});
