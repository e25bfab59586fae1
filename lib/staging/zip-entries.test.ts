import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { archiveMessage, unreadableArchive, zipKind } from "./zip-entries";

describe("unreadableArchive", () => {
  it("names what a ZIP archive that is not a workbook holds", () => {
    const zip = zipSync({ "orders.csv": strToU8("a,b\n1,2\n"), "docs/": {}, "docs/readme.txt": strToU8("hi") });
    expect(unreadableArchive(zip)).toBe("This is a ZIP archive, not an Excel workbook: it holds orders.csv, docs/readme.txt. Unzip it and stage the files inside.");
    expect(archiveMessage(["orders.csv"])).toBe("This is a ZIP archive, not an Excel workbook: it holds orders.csv. Unzip it and stage that file.");
    expect(archiveMessage(["a", "b", "c", "d", "e", "f", "g"])).toMatch(/holds a, b, c, d, e and 2 more\. Unzip it and stage the files inside\.$/);
    expect(archiveMessage([])).toMatch(/^This is an empty ZIP archive/);
  });

  it("names office files that are ZIP archives but no workbook Stages reads, with what to do", () => {
    const ods = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>"), "META-INF/manifest.xml": strToU8("<m/>") });
    // An OpenDocument spreadsheet is a workbook Stages reads (workers/engine/ods.ts).
    expect(zipKind(ods)).toEqual({ kind: "workbook" });
    expect(unreadableArchive(ods)).toBeNull();
    expect(unreadableArchive(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<x/>") }))).toMatch(/^This is an OpenDocument file/);
    expect(unreadableArchive(zipSync({ "xl/workbook.bin": strToU8("b"), "[Content_Types].xml": strToU8("<t/>") }))).toMatch(/^This is a binary Excel workbook \(\.xlsb\)/);
    expect(unreadableArchive(zipSync({ "Index/Document.iwa": strToU8("b") }))).toMatch(/^This is an Apple Numbers document/);
    expect(unreadableArchive(zipSync({ "word/document.xml": strToU8("<w/>") }))).toMatch(/^This is a Word document/);
    expect(unreadableArchive(zipSync({ "ppt/presentation.xml": strToU8("<p/>") }))).toMatch(/^This is a PowerPoint presentation/);
  });

  it("says nothing of a workbook, however broken, nor of bytes that are not a ZIP archive", () => {
    expect(unreadableArchive(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }))).toBeNull();
    expect(unreadableArchive(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
  });
});
