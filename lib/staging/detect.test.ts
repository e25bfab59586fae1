import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectEncoding, detectFormat, innerName, isGzip, isSqlScript, markupKind } from "./detect";

const text = (s: string) => new TextEncoder().encode(s);

describe("detectFormat", () => {
  it("trusts magic bytes over the name", () => {
    expect(detectFormat("data.csv", text("PAR1\x15\x04"))).toBe("parquet");
    expect(detectFormat("book.bin", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("xlsx");
    // An Excel 97–2003 workbook (an OLE compound file) under any name: its reader says what other such files are.
    expect(detectFormat("budget.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe("xlsx");
    expect(detectFormat("export.csv", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe("xlsx");
    expect(detectFormat("app.db", text("SQLite format 3\0\u0010\u0000"))).toBe("sqlite");
    expect(detectFormat("notes.sqlite", text("SQLite format 2"))).toBe("csv");
    expect(detectFormat("parcels.DBF", new Uint8Array([0x03, 0x7e, 0x0c, 0x06]))).toBe("dbf");
    expect(detectFormat("survey.bin", text("<stata_dta><header>"))).toBe("dta");
    expect(detectFormat("old.dta", new Uint8Array([0x72, 0x02, 0x01, 0x00]))).toBe("dta");
    expect(detectFormat("survey.sav", text("$FL2@(#) SPSS DATA FILE"))).toBe("sav");
    const sas = new Uint8Array(32);
    sas.set([0xc2, 0xea, 0x81, 0x60], 12);
    expect(detectFormat("trial.dat", sas)).toBe("sas7bdat");
    expect(detectFormat("zeros.bin", new Uint8Array(32))).not.toBe("sas7bdat");
    expect(detectFormat("adsl.xpt", text("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!"))).toBe("xpt");
    expect(detectFormat("adsl.dat", text("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!"))).toBe("xpt");
    expect(detectFormat("table.bin", text("ARROW1\0\0"))).toBe("arrow");
    expect(detectFormat("survey.dat", new Uint8Array(readFileSync(new URL("../../test/fixtures/spss/survey.por", import.meta.url))))).toBe("por");
    expect(detectFormat("frame.feather", new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xf0, 0, 0, 0]))).toBe("arrow");
  });

  // An application's "Excel" export that is CSV or TSV text named .xlsx failed as "not a readable Excel workbook".
  it("reads text named as a workbook as the text it is", () => {
    expect(detectFormat("export.xlsx", text("id\tname\n1\tAda\n"))).toBe("csv");
    expect(detectFormat("export.xlsx", text('[{"id": 1}]'))).toBe("json");
    expect(detectFormat("export.xls", text("<html><table><tr><td>1</td></tr></table></html>"))).toBe("html");
  });

  it("uses the extension, looking through .gz", () => {
    expect(detectFormat("a.tsv", text("a\tb"))).toBe("csv");
    expect(detectFormat("a.jsonl.gz", new Uint8Array([0x1f, 0x8b]))).toBe("ndjson");
    expect(innerName("a.csv.gz")).toBe("a.csv");
  });

  // A database dump saved as .csv staged its INSERT statements cut at their commas, as one row of nonsense.
  it("tells a SQL script from CSV, after its comments", () => {
    expect(isSqlScript(text("INSERT INTO t VALUES (1,'a');\n"))).toBe(true);
    expect(isSqlScript(text("-- MySQL dump 10.13\n--\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\nDROP TABLE IF EXISTS `t`;\n"))).toBe(true);
    expect(isSqlScript(text("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(a);\n"))).toBe(true);
    expect(isSqlScript(text("SET statement_timeout = 0;\nCOPY public.t (a, b) FROM stdin;\n1\tx\n"))).toBe(true);
    expect(isSqlScript(text("set,name\n1,insert into\n"))).toBe(false);
    expect(isSqlScript(text("id,comment\n1,-- none\n"))).toBe(false);
  });

  it("reads JSON inside a line of JavaScript as JSON, under any name but a CSV's", () => {
    expect(detectFormat("data.js", text('var data = [{"a": 1}];'))).toBe("json");
    expect(detectFormat("answer", text('callback({"rows": []})'))).toBe("json");
    expect(detectFormat("data.csv", text('var data = [{"a": 1}];'))).toBe("csv");
  });

  it("tells JSON arrays from NDJSON by content", () => {
    expect(detectFormat("x.json", text('[{"a":1},\n{"a":2}]'))).toBe("json");
    expect(detectFormat("x.json", text('{"a":1}\n{"a":2}\n'))).toBe("ndjson");
    expect(detectFormat("x.json", text('{\n  "a": [1, 2]\n}'))).toBe("json");
    // One object on one line, and nothing after it: a JSON document (an API's response), not NDJSON.
    expect(detectFormat("x.json", text('{"data": [{"id": 1}], "meta": {}}\n'))).toBe("json");
    expect(detectFormat("x.data", text("a,b\n1,2"))).toBe("csv");
    // Comments before the first value, and a .json file of any other start: JSON, whose faults are then named as JSON's.
    expect(detectFormat("x.json", text('// export\n/* v2 */ [{"a":1}]'))).toBe("json");
    expect(detectFormat("x.json", text('callback([{"a":1}]);'))).toBe("json");
    expect(detectFormat("x.data", text('// export\n{"a":1}\n{"a":2}\n'))).toBe("ndjson");
  });

  it("reads an XML document for its rows under any name but a delimited text's (Excel's XML Spreadsheet 2003 saved as report.xls)", () => {
    expect(detectFormat("books.xml", text("<catalog><book/></catalog>"))).toBe("xml");
    expect(detectFormat("report.xls", text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'))).toBe("xml");
    expect(detectFormat("feed", text('<?xml version="1.0"?><rss><channel><item/></channel></rss>'))).toBe("xml");
    // Under a CSV's name it is more often a download that returned an error: staging says so (workers/engine/staging.ts).
    expect(detectFormat("export.csv", text('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>'))).toBe("csv");
  });

  it("reads an HTML document under any name for its table (a web application's report.xls, a page saved as CSV)", () => {
    expect(detectFormat("report.xls", text('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><table>'))).toBe("html");
    expect(detectFormat("export.csv", text("<!DOCTYPE html>\n<html><body>Sign in</body></html>"))).toBe("html");
    expect(detectFormat("export.xls", text('<table border="1"><tr><td>id</td></tr></table>'))).toBe("html");
    expect(detectFormat("page.htm", text("id,name\n"))).toBe("html");
    expect(detectFormat("notes.csv", text("<tablet>,b\n1,2\n"))).toBe("csv");
  });

  it("recognizes gzip", () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
    expect(isGzip(text("a,b"))).toBe(false);
  });
});

describe("detectEncoding", () => {
  it("reads byte-order marks", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("utf-8");
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe("utf-16le");
  });

  it("accepts UTF-8, even with a character cut off at the end of the sample", () => {
    const bytes = text("naïve,東京");
    expect(detectEncoding(bytes)).toBe("utf-8");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe("utf-8");
  });

  it("falls back to Windows-1252 for Latin-1 bytes, and spots UTF-16 without a BOM", () => {
    expect(detectEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31]))).toBe("windows-1252");
    const utf16 = new Uint8Array([...text("id,name")].flatMap((b) => [b, 0]));
    expect(detectEncoding(utf16)).toBe("utf-16le");
  });
});

describe("markupKind", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("tells a web page or an XML document saved under a data file's name", () => {
    expect(markupKind(bytes("\uFEFF\n  <!DOCTYPE html>\n<html><body>404</body></html>"))).toBe("HTML");
    expect(markupKind(bytes("<HTML><head>"))).toBe("HTML");
    expect(markupKind(bytes('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">'))).toBe("HTML");
    expect(markupKind(bytes('<?xml version="1.0"?><rows><row id="1"/></rows>'))).toBe("XML");
    expect(markupKind(bytes('<meta http-equiv="Content-Type" content="text/html"><table>'))).toBe("HTML");
    expect(markupKind(bytes("<TABLE><TR><TD>1</TD></TR></TABLE>"))).toBe("HTML");
  });

  it("leaves CSV alone, even with markup in its values", () => {
    expect(markupKind(bytes("id,html\n1,<html>\n"))).toBeNull();
    expect(markupKind(bytes("<b>bold</b>,x\n1,2\n"))).toBeNull();
  });
});
