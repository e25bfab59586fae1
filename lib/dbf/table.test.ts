import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { dbfCsv, dbfEncoding, dbfTable, DbfError, describeDeletedRecords } from "./table";

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
});
