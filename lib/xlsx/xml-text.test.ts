import { describe, expect, it } from "vitest";
import { richText, sharedStrings } from "./rich-text";
import { excelTimestamp } from "./sheet-scan";
import { cellAddress } from "./sheet-tags";
import { decodeEntities, unescapeXlsx } from "./xml-text";

describe("a workbook's XML text, as read-excel-file reads it", () => {
  it("decodes character references and the five named entities, and keeps other names", () => {
    expect(decodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#x41; &AMP; &nbsp;")).toBe(`a & b <c> "d" 'e' é A & &nbsp;`);
    expect(decodeEntities("&a;")).toBe("&a;");
  });

  it("decodes a spreadsheet's _xHHHH_ escapes left to right", () => {
    expect(unescapeXlsx("a_x000D_b")).toBe("a\rb");
    expect(unescapeXlsx("_x005F_x0041_")).toBe("_x0041_");
    expect(unescapeXlsx("no escapes")).toBe("no escapes");
  });

  it("reads rich text: runs added, phonetic runs left out; a prefix or CDATA is left to read-excel-file", () => {
    const xml = "<r><rPr><b/></rPr><t>bo</t></r><r><t xml:space=\"preserve\">ld </t></r><rPh sb=\"0\" eb=\"1\"><t>ph</t></rPh>";
    expect(richText(xml, 0, xml.length)).toBe("bold ");
    expect(sharedStrings('<sst><si><t>a</t></si><si/><si><t>x</t><t>y</t></si></sst>')).toEqual(["a", "", "y"]);
    expect(sharedStrings("<sst><si><x:t>a</x:t></si></sst>")).toBeNull();
    expect(sharedStrings("<sst><si><t><![CDATA[a]]></t></si></sst>")).toBeNull();
  });

  it("reads cell addresses and serial dates as read-excel-file does", () => {
    expect(cellAddress("B3")).toEqual([3, 2]);
    expect(cellAddress("AA2091")).toEqual([2091, 27]);
    expect(cellAddress("AB")).toBeNull();
    expect(new Date(excelTimestamp(45293.5, false)).toISOString()).toBe("2024-01-02T12:00:00.000Z");
    expect(new Date(excelTimestamp(0, true)).toISOString()).toBe("1904-01-01T00:00:00.000Z");
  });
});
