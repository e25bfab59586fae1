import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { memoBlock, memoBytes, memoKind, type MemoFile } from "./memo";
import { dbfCsv, dbfTable } from "./table";

// notes.dbf and its memo file notes.dbt, written byte by byte (test/fixtures/dbf/make-notes.mjs) and read back as
// written by the dbffile package's reader.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/dbf/${name}`, import.meta.url)));
const text = (memo: MemoFile, block: number) => {
  const bytes = memoBytes(memo, block);
  return bytes && new TextDecoder().decode(bytes);
};
const T1 = `Called twice, "no answer", then a message:\r\n${"the line was busy; ".repeat(30).trim()}`;

describe("dBase memo files", () => {
  test("a dBase III table read with its .dbt: each record's memo text, over two blocks, quoted in the CSV", () => {
    const bytes = fixture("notes.dbf");
    const memo: MemoFile = { kind: "dbt", bytes: fixture("notes.dbt") };
    expect(text(memo, 1)).toBe(T1);
    expect(text(memo, 3)).toBe("Zoë's note");
    expect(text(memo, 0)).toBeNull();
    expect(text(memo, 9)).toBeNull();
    const csv = [...dbfCsv(bytes, dbfTable(bytes), new TextDecoder("utf-8"), { count: 0 }, memo)].join("");
    expect(csv).toBe(`TICKET,NOTES,ATTACHED\r\nT-1,"${T1.replaceAll('"', '""')}",\r\nT-2,,\r\nT-3,Zoë's note,\r\n`);
  });

  test("dBase IV: a memo starts FF FF 08 00 and gives its length, in blocks of the size the header says", () => {
    const bytes = new Uint8Array(3 * 64);
    const view = new DataView(bytes.buffer);
    view.setUint16(20, 64, true);
    view.setUint32(64, 0xffff0800);
    const note = new TextEncoder().encode("dBase IV memo");
    view.setUint32(68, 8 + note.length, true);
    bytes.set(note, 72);
    expect(text({ kind: "dbt", bytes }, 1)).toBe("dBase IV memo");
  });

  test("FoxPro .fpt: a big-endian block size, each memo its type and length first", () => {
    const bytes = new Uint8Array(4 * 64);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 4);
    view.setUint16(6, 64);
    const note = new TextEncoder().encode("FoxPro memo, with a comma");
    view.setUint32(128, 1);
    view.setUint32(132, note.length);
    bytes.set(note, 136);
    expect(text({ kind: "fpt", bytes }, 2)).toBe("FoxPro memo, with a comma");
    expect(text({ kind: "fpt", bytes }, 9)).toBeNull();
  });

  test("a memo field's block: digits in dBase, a 4-byte integer in Visual FoxPro; a memo file by its name", () => {
    const bytes = new TextEncoder().encode("        12 0000000000abcd");
    const view = new DataView(bytes.buffer);
    expect(memoBlock(bytes, view, 0, 10)).toBe(12);
    expect(memoBlock(bytes, view, 11, 10)).toBe(0);
    view.setInt32(21, 7, true);
    expect(memoBlock(bytes, view, 21, 4)).toBe(7);
    expect([memoKind("NOTES.DBT"), memoKind("notes.fpt"), memoKind("notes.dbf"), memoKind("dbt")]).toEqual(["dbt", "fpt", null, null]);
  });

});
