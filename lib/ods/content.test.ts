import { describe, expect, it } from "vitest";
import { odsSheets } from "./content";

/** content.xml as LibreOffice writes it, around the given automatic styles and tables. */
export const contentXml = (tables: string, styles = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">
<office:automatic-styles>${styles}</office:automatic-styles>
<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;

const text = (t: string, extra = "") => `<table:table-cell office:value-type="string" calcext:value-type="string"${extra}><text:p>${t}</text:p></table:table-cell>`;
const num = (v: string, shown = v, extra = "") => `<table:table-cell office:value-type="float" office:value="${v}"${extra}><text:p>${shown}</text:p></table:table-cell>`;
const row = (cells: string, extra = "") => `<table:table-row${extra}>${cells}</table:table-row>`;

describe("odsSheets", () => {
  it("reads each sheet's rows of cell values, by name, in order", () => {
    const xml = contentXml(
      `<table:table table:name="Orders"><table:table-column table:number-columns-repeated="2"/>${row(text("id") + text("amount"))}${row(num("1") + num("12.5", "12,50 €"))}</table:table>` +
        `<table:table table:name="Notes &amp; lists">${row(text("R&amp;D"))}</table:table>`,
    );
    expect(odsSheets(xml)).toEqual([
      { name: "Orders", hidden: false, rows: [["id", "amount"], ["1", "12.5"]], cells: 4 },
      { name: "Notes & lists", hidden: false, rows: [["R&D"]], cells: 1 },
    ]);
  });

  it("spreads repeated rows and cells, and leaves out the empty ones that fill the sheet to its edges", () => {
    const xml = contentXml(
      `<table:table table:name="S">` +
        row(text("a") + `<table:table-cell table:number-columns-repeated="2"/>` + text("d") + `<table:table-cell table:number-columns-repeated="16380"/>`) +
        row(num("7", "7", ' table:number-columns-repeated="3"'), ' table:number-rows-repeated="2"') +
        row(`<table:table-cell table:number-columns-repeated="1024"/>`, ' table:number-rows-repeated="3"') +
        row(text("last")) +
        row(`<table:table-cell table:number-columns-repeated="1024"/>`, ' table:number-rows-repeated="1048570"') +
        `</table:table>`,
    );
    const [sheet] = odsSheets(xml);
    expect(sheet!.rows).toEqual([["a", null, null, "d"], ["7", "7", "7"], ["7", "7", "7"], [], [], [], ["last"]]);
    expect(sheet!.cells).toBe(9);
  });

  it("joins a cell's paragraphs, spaces, tabs and line breaks; leaves out comments, merged cells' covered parts and tables inside cells", () => {
    const cell =
      `<table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation>` +
      `<text:p>two<text:s text:c="2"/>spaces<text:tab/>tab</text:p><text:p>next <text:span>line</text:span><text:line-break/>break</text:p></table:table-cell>`;
    const merged = `<table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>wide</text:p></table:table-cell><table:covered-table-cell/>`;
    const inner = `<table:table-cell><table:table table:name="inner">${row(text("no"))}</table:table></table:table-cell>`;
    const [sheet] = odsSheets(contentXml(`<table:table table:name="S">${row(cell)}${row(merged + text("x"))}${row(inner + text("y"))}</table:table>`));
    expect(sheet!.rows).toEqual([["two  spaces\ttab\nnext line\nbreak"], ["wide", null, "x"], [null, "y"]]);
  });

  it("tells hidden sheets by their table style", () => {
    const styles = `<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>`;
    const xml = contentXml(`<table:table table:name="Data" table:style-name="ta1">${row(text("a"))}</table:table><table:table table:name="Lists" table:style-name="ta2">${row(text("b"))}</table:table>`, styles);
    expect(odsSheets(xml).map((s) => [s.name, s.hidden])).toEqual([
      ["Data", false],
      ["Lists", true],
    ]);
  });

  it("reads a document that names the OpenDocument namespaces by other prefixes", () => {
    const xml = contentXml(`<table:table table:name="S">${row(text("a") + num("2"))}</table:table>`)
      .replace(/(<\/?|\s)table:/g, "$1t:")
      .replace(/(<\/?|\s)text:/g, "$1x:")
      .replace("xmlns:table=", "xmlns:t=")
      .replace("xmlns:text=", "xmlns:x=");
    expect(odsSheets(xml)).toEqual([{ name: "S", hidden: false, rows: [["a", "2"]], cells: 2 }]);
  });

  it("fails on XML that is not well formed", () => {
    expect(() => odsSheets(contentXml(`<table:table table:name="S"><table:table-row></table:table>`))).toThrow();
  });
});
