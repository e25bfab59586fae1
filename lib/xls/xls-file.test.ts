import { readFileSync } from "node:fs";
import * as CFB from "cfb";
import { describe, expect, test } from "vitest";
import { XlsError } from "./records";
import { isCompoundFile } from "@/lib/staging/detect";
import { xlsMessage, xlsSheets } from "./xls-file";

// Written by LibreOffice Calc 7.4 from known cells (test/fixtures/xls/make-workbook.mjs); workbook-95.xls by Gnumeric from it.
const workbook = () => new Uint8Array(readFileSync(new URL("../../test/fixtures/xls/workbook.xls", import.meta.url)));

/** The fixture's BIFF8 stream, as cfb reads it. */
const workbookStream = () => new Uint8Array(CFB.find(CFB.parse(workbook()), "Workbook")!.content as ArrayLike<number>);

/** A compound file holding the given streams, as cfb writes one. */
function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

/** BIFF8 records: [type, data bytes] each. */
const biff = (...records: [number, number[]][]) => new Uint8Array(records.flatMap(([type, data]) => [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data]));
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];
const f64 = (n: number) => [...new Uint8Array(new Float64Array([n]).buffer)];
const bof = (kind: number) => [0x0809, [...le16(0x0600), ...le16(kind), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]] as [number, number[]];
const EOF: [number, number[]] = [0x000a, []];

describe("xlsSheets", () => {
  test("a LibreOffice workbook's sheets, in order, the hidden one marked", () => {
    expect(isCompoundFile(workbook())).toBe(true);
    expect(xlsSheets(workbook()).map((s) => [s.name, s.hidden])).toEqual([
      ["Cover", false],
      ["Data", false],
      ["Lists", true],
      ["Many", false],
      ["Long", false],
    ]);
  });

  test("cells as a workbook shows them: numbers as their value, codes with their zeros, dates, times, durations, booleans, formulas' values", () => {
    const data = xlsSheets(workbook()).find((s) => s.name === "Data")!;
    expect(data.rows).toEqual([
      ["id", "zip", "name", "amount", "day", "at", "clock", "hours", "paid", "ratio", "label"],
      ["1", "02134", "Zoë Ångström", "1234.5", "2024-01-05", "2024-01-05 13:45:00", "13:45:00", "36:00:00", "true", "#DIV/0!", "ab"],
      ["2", "00501", "日本語の名前", "-3.25", "2024-02-29", "2024-03-01 08:00:00", "08:05:00", "1:30:00", "false", "0.5"],
      ["3", null, "a & b <c>", "100000", null, null, null, null, null, "6", "true"],
      [],
      ["12345678901", "99999", "last", "0.1", "1999-12-31"],
    ]);
    expect(data.cells).toBe(42);
  });

  // An Excel 5.0/95 workbook (a `Book` stream of BIFF5: strings in its cells, in its code page) was refused.
  test("an Excel 5.0/95 workbook, as Gnumeric writes one, holds the same sheets and cells", () => {
    const biff5 = xlsSheets(new Uint8Array(readFileSync(new URL("../../test/fixtures/xls/workbook-95.xls", import.meta.url))));
    const biff8 = xlsSheets(workbook());
    expect(biff5.map((s) => [s.name, s.hidden])).toEqual(biff8.map((s) => [s.name, s.hidden]));
    // Excel 95 kept a cell's text to 255 characters; Gnumeric cuts the long one shorter than Excel 97 holds it.
    for (const name of ["Cover", "Data", "Lists", "Many"]) expect(biff5.find((s) => s.name === name), name).toEqual(biff8.find((s) => s.name === name));
  });

  test("shared strings read across CONTINUE records, one byte or two a character, and a text longer than a record", () => {
    const sheets = xlsSheets(workbook());
    const many = sheets.find((s) => s.name === "Many")!;
    expect(many.rows).toHaveLength(1201);
    many.rows.slice(1).forEach((row, i) => expect(row).toEqual([String(i), `${i % 7 === 0 ? "é" : ""}word number ${i} ${i % 11 === 0 ? "日" : "x".repeat(i % 13)}`]));
    expect(sheets.find((s) => s.name === "Long")!.rows).toEqual([["body"], [`${"L".repeat(5000)}é${"M".repeat(6000)}`], ["short"]]);
  });

  test("a Mac workbook's dates, RK numbers, a chart inside a sheet and chart sheets", () => {
    const name = (text: string) => [text.length, 0, ...[...text].map((c) => c.charCodeAt(0))];
    const globals = (sheetAt: number) => biff(
      bof(0x0005),
      [0x0022, le16(1)],
      ...Array.from({ length: 16 }, () => [0x00e0, [0, 0, ...le16(0), ...Array(16).fill(0)]] as [number, number[]]),
      [0x00e0, [0, 0, ...le16(14), ...Array(16).fill(0)]],
      [0x0085, [...le32(sheetAt), 0, 0, ...name("Data")]],
      [0x0085, [...le32(0), 0, 2, ...name("Chart1")]],
      EOF,
    );
    const sheetAt = globals(0).length;
    const sheet = biff(
      bof(0x0010),
      // 2 January 1904 in a Mac workbook, style 16 (format 14, a date).
      [0x0203, [...le16(0), ...le16(0), ...le16(16), ...f64(1)]],
      // MULRK: 12.34 (an integer 1234 divided by 100) and -5 in columns 1 and 2.
      [0x00bd, [...le16(0), ...le16(1), ...le16(0), ...le32((1234 << 2) | 0x03), ...le16(0), ...le32(((-5 << 2) | 0x02) >>> 0), ...le16(2)]],
      bof(0x0020),
      [0x0203, [...le16(5), ...le16(0), ...le16(0), ...f64(99)]],
      EOF,
      [0x0205, [...le16(1), ...le16(0), ...le16(0), 0x2a, 1]],
      EOF,
    );
    const [data, ...others] = xlsSheets(compoundFile({ Workbook: new Uint8Array([...globals(sheetAt), ...sheet]) }));
    expect(others).toEqual([]);
    expect(data).toEqual({ name: "Data", hidden: false, rows: [["1904-01-02", "12.34", "-5"], ["#N/A"]], cells: 4 });
  });

  test("files it cannot read say what they are", () => {
    const reason = (bytes: Uint8Array) => {
      try {
        xlsSheets(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(XlsError);
        return (error as Error).message;
      }
      throw new Error("read");
    };
    expect(reason(compoundFile({ WordDocument: new Uint8Array(600) }))).toMatch(/holds no workbook: .*Word \.doc/);
    // A sheet embedded in a Word document is not the document's workbook.
    expect(reason(compoundFile({ WordDocument: new Uint8Array(5000), "ObjectPool/_1/Workbook": workbookStream() }))).toMatch(/holds no workbook/);
    expect(reason(compoundFile({ Book: biff([0x0809, [...le16(0x0400), ...le16(5), 0, 0, 0, 0]], EOF) }))).toMatch(/version before 5\.0/);
    expect(reason(compoundFile({ EncryptionInfo: new Uint8Array(600), EncryptedPackage: new Uint8Array(600) }))).toBe("it is encrypted with a password");
    expect(reason(compoundFile({ Workbook: biff(bof(0x0005), [0x002f, [0, 0]], EOF) }))).toBe("it is encrypted with a password");
    expect(reason(workbook().subarray(0, 300))).toBe("its compound file is cut short");
    // Cut off part-way (an interrupted download): its allocation table points past the end.
    expect(reason(workbook().subarray(0, 8192))).toBe("its compound file points past its end");
    const garbled = workbook();
    garbled.fill(0xff, 512, 1024);
    expect(reason(garbled)).toMatch(/^its compound file('s| points)/);
    expect(xlsMessage("it is encrypted with a password")).toBe(
      "This Excel 97–2003 file cannot be read: it is encrypted with a password. Open it in Excel or LibreOffice, save it as .xlsx or CSV without a password, and stage that.",
    );
  });
});
