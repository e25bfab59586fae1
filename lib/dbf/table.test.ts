import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { dbfCsv, dbfEncoding, dbfTable, DbfError, describeDeletedRecords, describeMemoFields, memoFields } from "./table";

// Written by the dbffile package (test/fixtures/dbf/make-parcels.mjs): dBase III with Windows-1252 text, and Visual FoxPro with UTF-8 text.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/dbf/${name}`, import.meta.url)));

const csv = (bytes: Uint8Array) => {
  const table = dbfTable(bytes);
  const deleted = { count: 0 };
  const encoding = dbfEncoding(bytes, table);
  return { encoding, text: [...dbfCsv(bytes, table, new TextDecoder(encoding), deleted)].join(""), deleted: deleted.count };
};

describe("dBase tables", () => {
  test("dBase III: text in its code page, numbers as written, dates, logicals, empty values", () => {
    const { encoding, text } = csv(fixture("parcels.dbf"));
    expect(encoding).toBe("windows-1252");
    const lines = text.split("\r\n");
    expect(lines.slice(0, 4)).toEqual([
      "PARCEL,OWNER,AREA_M2,ZONE,SURVEYED,BUILT",
      "P-0001,Zoë Ångström,12.5,0,2024-01-01,true",
      "P-0002,,,1,,",
      "P-0003,Owner 3,37.5,2,2024-01-03,true",
    ]);
    expect(lines).toHaveLength(302);
    expect(lines[300]).toBe("P-0300,Owner 300,3750,2,2024-10-26,false");
  });

  test("Visual FoxPro: integers, doubles and date-times in binary, UTF-8 text", () => {
    const { encoding, text } = csv(fixture("parcels-fox.dbf"));
    expect(encoding).toBe("utf-8");
    expect(text).toBe("PARCEL,OWNER,COUNT,SHARE,SEEN\r\nP-0001,Zoë 日本,-1,0,2024-03-01 13:45:30\r\nP-0002,,0,0.25,2024-03-02 13:45:30\r\nP-0003,Owner 3,1,0.5,2024-03-03 13:45:30\r\n");
  });

  test("a deleted record is left out and counted; a file that is no dBase table says so", () => {
    const bytes = fixture("parcels.dbf");
    const table = dbfTable(bytes);
    bytes[table.start + table.recordLength] = 0x2a;
    const { text, deleted } = csv(bytes);
    expect(deleted).toBe(1);
    expect(describeDeletedRecords(1)).toBe("1 record marked deleted in the table (dBase keeps them until the file is packed) is left out, as dBase leaves them out.");
    expect(text.split("\r\n").slice(1, 3)).toEqual(["P-0001,Zoë Ångström,12.5,0,2024-01-01,true", "P-0003,Owner 3,37.5,2,2024-01-03,true"]);
    expect(() => dbfTable(new TextEncoder().encode("id,name\n1,Ada\n".repeat(4)))).toThrow(DbfError);
  });

  test("memo fields that point at memos are named, as their text is not read; one that points at none is not", () => {
    // test/fixtures/dbf/make-notes.mjs: NOTES points at blocks 1 and 3 of a .dbt, ATTACHED at none.
    const bytes = fixture("notes.dbf");
    const table = dbfTable(bytes);
    expect(table.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["TICKET:C", "NOTES:M", "ATTACHED:M"]);
    expect(csv(bytes).text).toBe("TICKET,NOTES,ATTACHED\r\nT-1,,\r\nT-2,,\r\nT-3,,\r\n");
    expect(memoFields(bytes, table, false)).toEqual(["NOTES"]);
    // Only deleted records point at memos: nothing of the staged rows is lost.
    for (const r of [0, 2]) bytes[table.start + r * table.recordLength] = 0x2a;
    expect(memoFields(bytes, table, false)).toEqual([]);
    expect(describeMemoFields(["NOTES", "REMARKS"], false)).toBe(
      "Memo fields NOTES, REMARKS are empty here: a memo's text is kept in a .dbt or .fpt file beside the table, which was not added with it. Add that file now (or the table and that file together, or a ZIP of both) to read it.",
    );
    expect(describeMemoFields(["PHOTO"], true)).toBe("Field PHOTO of pictures or OLE objects is empty here: Stages reads a memo file's text, not the objects it keeps.");
  });

  test("a Visual FoxPro memo field points at its memo by a 4-byte number", () => {
    const bytes = fixture("notes.dbf");
    const table = dbfTable(bytes);
    const notes = table.fields[1]!;
    const fox = { ...table, fields: [...table.fields.slice(0, 1), { ...notes, length: 4 }] };
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    for (let r = 0; r < 3; r++) view.setInt32(table.start + r * table.recordLength + notes.offset, 0, true);
    expect(memoFields(bytes, fox, false)).toEqual([]);
    view.setInt32(table.start + table.recordLength + notes.offset, 7, true);
    expect(memoFields(bytes, fox, false)).toEqual(["NOTES"]);
  });
});
