import { describe, expect, it } from "vitest";
import { markedNameRenames, markedNamesSql, namesWithMarks } from "./name-marks";

describe("markedNameRenames", () => {
  it("reads a name that starts with byte-order marks without them, and leaves every other name alone", () => {
    expect(markedNameRenames(["\uFEFFid", "\uFEFF\uFEFFcode", "na\uFEFFme", "plain"])).toEqual({ "\uFEFFid": "id", "\uFEFF\uFEFFcode": "code" });
    expect(markedNameRenames(["id", "name"])).toEqual({});
  });

  it("puts _ after a name another column has already, in any case, and names a name of marks alone by its position", () => {
    expect(markedNameRenames(["\uFEFFid", "ID", "id_"])).toEqual({ "\uFEFFid": "id__" });
    expect(markedNameRenames(["\uFEFFa", "\uFEFF\uFEFFa"])).toEqual({ "\uFEFFa": "a", "\uFEFF\uFEFFa": "a_" });
    expect(markedNameRenames(["b", "\uFEFF"])).toEqual({ "\uFEFF": "column1" });
  });
});

describe("namesWithMarks", () => {
  it("puts back the marks Arrow's decoder drops, from the counts the statement asks for", () => {
    expect(namesWithMarks([{ bare: "id", marks: 2 }, { bare: "b", marks: 0n }])).toEqual(["\uFEFF\uFEFFid", "b"]);
    expect(markedNamesSql('"t"')).toContain('FROM (DESCRIBE "t")');
  });
});
