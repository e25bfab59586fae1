import { strToU8, unzipSync, zipSync } from "fflate";
import { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import { scannedRows } from "./sheet-scan";
import { showAsFormatted } from "./shown-formats";

// The app's scan of a sheet's XML must give read-excel-file's rows exactly: each case is read by both.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const STYLES = `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="[h]:mm"/><numFmt numFmtId="167" formatCode="d mmm yyyy"/></numFmts><cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="49"/><xf numFmtId="22"/></cellXfs></styleSheet>`;

let base: Record<string, Uint8Array>;
beforeAll(async () => {
  const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };
  base = unzipSync(new Uint8Array(await write([[{ value: "a" }]]).toBuffer()));
});

function workbook(sheetData: string, strings: string[] = [], { epoch1904 = false, head = "" } = {}): Uint8Array {
  const parts = { ...base };
  parts["xl/styles.xml"] = strToU8(STYLES);
  parts["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0"?><sst ${NS}>${strings.join("")}</sst>`);
  parts["xl/worksheets/sheet1.xml"] = strToU8(`<?xml version="1.0"?><worksheet ${NS}>${head}${sheetData}</worksheet>`);
  if (epoch1904) parts["xl/workbook.xml"] = strToU8(new TextDecoder().decode(base["xl/workbook.xml"]).replace("<workbookPr/>", '<workbookPr date1904="1"/>'));
  return zipSync(parts);
}

async function both(bytes: Uint8Array) {
  const expected = await readSheet(Buffer.from(bytes), { trim: true }).catch((error: Error) => error);
  if (!(expected instanceof Error)) showAsFormatted(bytes, undefined, expected as unknown[][]);
  const scanned = await scannedRows(bytes, undefined);
  return { expected, scanned };
}

async function sameRows(bytes: Uint8Array) {
  const { expected, scanned } = await both(bytes);
  expect(expected).not.toBeInstanceOf(Error);
  expect(scanned).not.toBeNull();
  expect(scanned).toEqual(expected);
  return scanned!;
}

const si = (text: string) => `<si><t xml:space="preserve">${text}</t></si>`;

describe("scannedRows", () => {
  it("reads shared strings, numbers, dates by their styles, booleans and empty cells as read-excel-file does", async () => {
    const rows = await sameRows(
      workbook(
        `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
          `<row r="2"><c r="A2"><v>12</v></c><c r="B2" s="1"><v>45293</v></c><c r="C2" s="2"><v>45293.12783564815</v></c><c r="D2" s="3"><v>1.5</v></c><c r="E2" t="b"><v>0</v></c></row>` +
          `<row r="4"><c r="B4" s="4"><v>1.25</v></c><c r="C4" s="5"><v>40000</v></c><c r="E4" s="7"><v>0.5</v></c></row></sheetData>`,
        [si("name"), si("  Ada &amp; Bo "), si(""), "<si><t>first</t><t>second</t></si>"],
      ),
    );
    expect(rows[0]).toEqual(["name", "Ada & Bo", null, "second", null]);
    expect(rows[2]).toEqual([null, null, null, null, null]);
  });

  it("reads formulas' cached values, inline and rich text, errors, ISO dates and escapes", async () => {
    await sameRows(
      workbook(
        `<sheetData>\n  <row r="1" spans="1:6" x14ac:dyDescent="0.25">\n    <c r="A1" t="str"><f>B1&amp;C1</f><v> x_x000D_y </v></c>\n    <c r="B1" t="str"><f>""</f><v></v></c>\n    <c r="C1" t="str"><f>NOW()</f></c>\n` +
          `    <c r='D1' t='inlineStr'><is><t>plain &#233; &#x41; &nope;</t></is></c>\n    <c r="E1" t="inlineStr"><is><r><rPr><b/></rPr><t>bo</t></r><r><t xml:space="preserve">ld </t></r><rPh sb="0" eb="1"><t>ph</t></rPh></is></c>\n    <c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>\n  </row>\n` +
          `  <row r="2"><c r="A2" t="d"><v>2021-06-10T00:47:45.700Z</v></c><c r="B2" s="1"/><c r="C2" t="inlineStr"><is><t>  </t></is></c><c r="D2" t="s"/><c r="E2" t="b"/></row>\n</sheetData>`,
        [],
      ),
    );
  });

  it("reads rows without numbers, rows skipped, self-closing rows, 1904 dates and a sheet's dimension", async () => {
    const bytes = workbook(
      `<sheetData><row><c r="A1"><v>1</v></c></row><row r="3"/><row r="5"><c r="C5" s="1"><v>0</v></c><c r="D5" s="2"><v>100.5</v></c></row><row r="7"/></sheetData>`,
      [],
      { epoch1904: true, head: '<dimension ref="A1:D7"/>' },
    );
    await sameRows(bytes);
    // The status is told as the scan begins, with the rows the dimension names.
    const told: [number, number | undefined][] = [];
    await scannedRows(bytes, undefined, (done, total) => told.push([done, total]));
    expect(told).toEqual([[0, 7]]);
  });

  it("reads a sheet of random cells as read-excel-file does", async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const strings = Array.from({ length: 40 }, (_, i) => pick([si(`s${i}`), si(` s ${i} `), si(""), `<si><r><t>r${i}</t></r><r><t>_x0041_</t></r></si>`, `<si><t>k${i}</t><rPh><t>p</t></rPh></si>`, "<si/>", si(`a&amp;b&lt;${i}`)]));
    const cell = (ref: string) =>
      pick([
        `<c r="${ref}" t="s"><v>${Math.floor(random() * 40)}</v></c>`,
        `<c r="${ref}"><v>${pick(["0", "-3", "2.5", "1E+20", "1e-7", " 7 ", "123456789012345678"])}</v></c>`,
        `<c r="${ref}" s="${Math.floor(random() * 8)}"><v>${(random() * 60000).toFixed(pick([0, 3, 10]))}</v></c>`,
        `<c r="${ref}" t="b"><v>${pick(["0", "1"])}</v></c>`,
        `<c r="${ref}" t="str"><f>X</f><v>${pick(["", " f ", "a&amp;b", "_x000A_"])}</v></c>`,
        `<c r="${ref}" t="inlineStr"><is><t>${pick(["i", "  ", "x y"])}</t></is></c>`,
        `<c r="${ref}" t="e"><v>#N/A</v></c>`,
        `<c r="${ref}" s="${Math.floor(random() * 8)}"/>`,
        "",
      ]);
    const rows: string[] = [];
    let r = 0;
    for (let i = 0; i < 400; i++) {
      r += pick([1, 1, 1, 2, 5]);
      const cells = Array.from({ length: 9 }, (_, c) => (random() < 0.7 ? cell(`${String.fromCharCode(65 + c)}${r}`) : "")).join(pick(["", "\n    "]));
      rows.push(pick([`<row r="${r}">${cells}</row>`, `<row r="${r}" spans="1:9">${cells}</row>`, cells ? `<row>${cells}</row>` : `<row r="${r}"/>`]));
    }
    await sameRows(workbook(`<sheetData>${rows.join("\n")}</sheetData>`, strings));
  });

  it("leaves to read-excel-file what it refuses and what the scan does not meet", async () => {
    const refused = await both(workbook('<sheetData><row r="1"><c r="A1" t="b"><v>TRUE</v></c></row></sheetData>'));
    expect(refused.expected).toBeInstanceOf(Error);
    expect(refused.scanned).toBeNull();
    for (const sheetData of [
      '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>',
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData>',
      '<sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
    ]) {
      expect(await scannedRows(workbook(sheetData), undefined)).toBeNull();
    }
  });
});
