import { describe, expect, it } from "vitest";
import { durationText, hiddenSheetNames, padNumber, sheetNames, sheetXmlPath, shownCells, shownStyles, shownText } from "./shown-formats";

const styles = `<styleSheet><numFmts count="5"><numFmt numFmtId="164" formatCode="00000"/><numFmt numFmtId="165" formatCode="00000\\-0000"/>
<numFmt numFmtId="166" formatCode="0.00"/><numFmt numFmtId="167" formatCode="000&quot;-&quot;00&quot;-&quot;0000"/><numFmt numFmtId="168" formatCode="[mm]:ss"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="164"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="166"/><xf numFmtId="165"></xf><xf numFmtId="167"/><xf numFmtId="46"/><xf numFmtId="168"/></cellXfs></styleSheet>`;

describe("values a workbook shows by their number format", () => {
  it("find the styles that pad with zeros (ZIP code, Zip+4, SSN) or show elapsed time, not decimals", () => {
    expect(shownStyles(styles)).toEqual(
      new Map([
        [1, { padded: "00000" }],
        [3, { padded: "00000-0000" }],
        [4, { padded: "000-00-0000" }],
        [5, { duration: "[h]:mm:ss" }],
        [6, { duration: "[mm]:ss" }],
      ]),
    );
    expect(shownStyles('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>').size).toBe(0);
  });

  it("show a whole number as its zeros do", () => {
    expect(padNumber(2134, "00000")).toBe("02134");
    expect(padNumber(21341234, "00000-0000")).toBe("02134-1234");
    expect(padNumber(78051120, "000-00-0000")).toBe("078-05-1120");
    expect(padNumber(123456, "00000")).toBe("123456");
    expect(padNumber(0, "000")).toBe("000");
    expect(padNumber(21.5, "00000")).toBeNull();
    expect(padNumber(-5, "00000")).toBeNull();
  });

  it("show a number of days as elapsed time, from the reader's date too", () => {
    expect(durationText(1.5, "[h]:mm:ss")).toBe("36:00:00");
    expect(durationText(0.0625, "[h]:mm")).toBe("1:30");
    expect(durationText(1.5, "[mm]:ss")).toBe("2160:00");
    expect(durationText(-0.5, "[h]:mm:ss")).toBe("-12:00:00");
    expect(shownText(new Date("1899-12-31T12:00:00Z"), { duration: "[h]:mm:ss" })).toBe("36:00:00");
    expect(shownText(2134, { duration: "[h]:mm:ss" })).toBe("51216:00:00");
    expect(shownText("text", { duration: "[h]:mm:ss" })).toBeNull();
    expect(shownText(new Date("x"), { duration: "[h]:mm:ss" })).toBeNull();
    expect(shownText(2134, { padded: "00000" })).toBe("02134");
    expect(shownText("02134", { padded: "00000" })).toBeNull();
  });

  it("find the number cells with such a style, by row and column, and leave text cells as they are", () => {
    const sheet = `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>2134</v></c><c r="B2" s="1" t="s"><v>3</v></c>
<c r="AB2" s="3" t="n"><v>21341234</v></c><c r="C2" s="2"><v>5</v></c><c r="D2" s="5"/></row></sheetData><cols><col min="1" s="1"/></cols>`;
    expect(shownCells(sheet, shownStyles(styles))).toEqual([
      { row: 1, column: 0, shown: { padded: "00000" } },
      { row: 1, column: 27, shown: { padded: "00000-0000" } },
      { row: 1, column: 3, shown: { duration: "[h]:mm:ss" } },
    ]);
  });

  it("find a sheet's XML by its name through the workbook's relationships", () => {
    const workbook = `<workbook><sheets><sheet name="Orders" sheetId="1" r:id="rId3"/><sheet name="Q&amp;A" sheetId="2" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships><Relationship Id="rId1" Type="x" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="x" Target="/xl/worksheets/sheet1.xml"/></Relationships>`;
    expect(sheetXmlPath(workbook, rels, "Q&A")).toBe("xl/worksheets/sheet2.xml");
    expect(sheetXmlPath(workbook, rels, "Orders")).toBe("xl/worksheets/sheet1.xml");
    expect(sheetXmlPath(workbook, rels)).toBe("xl/worksheets/sheet1.xml");
    expect(sheetXmlPath(workbook, rels, "None")).toBeNull();
    expect(sheetNames(workbook)).toEqual(["Orders", "Q&A"]);
    expect(sheetNames("")).toEqual([]);
  });

  it("find the sheets Excel hides", () => {
    const workbook = `<workbook><sheets><sheet name="Lists" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Data" sheetId="2" state="visible" r:id="rId2"/><sheet name="Keys" state="veryHidden" sheetId="3" r:id="rId3"/></sheets></workbook>`;
    expect(hiddenSheetNames(workbook)).toEqual(["Lists", "Keys"]);
    expect(hiddenSheetNames("")).toEqual([]);
  });
});
