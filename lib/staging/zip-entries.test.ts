import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { archivedFiles, archiveMessage } from "./zip-entries";

describe("archivedFiles", () => {
  it("lists what a ZIP archive that is not a workbook holds", () => {
    const zip = zipSync({ "orders.csv": strToU8("a,b\n1,2\n"), "docs/": {}, "docs/readme.txt": strToU8("hi") });
    expect(archivedFiles(zip)).toEqual(["orders.csv", "docs/readme.txt"]);
    expect(archiveMessage(["orders.csv"])).toBe("This is a ZIP archive, not an Excel workbook: it holds orders.csv. Unzip it and stage that file.");
    expect(archiveMessage(["a", "b", "c", "d", "e", "f", "g"])).toMatch(/holds a, b, c, d, e and 2 more\. Unzip it and stage the files inside\.$/);
  });

  it("says nothing of a workbook, however broken, nor of bytes that are not a ZIP archive", () => {
    expect(archivedFiles(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }))).toBeNull();
    expect(archivedFiles(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
  });
});
