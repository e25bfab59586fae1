import { describe, expect, it } from "vitest";
import { versionColumns } from "./version-numbers";

describe("version numbers the sniffer read as dates", () => {
  it("are told by a part of one digit before the last, in a column read with a two-digit year first", () => {
    const columns = [{ name: "app", type: "VARCHAR" }, { name: "version", type: "DATE" }, { name: "day", type: "DATE" }];
    const dialect = { delimiter: ",", quote: '"', escape: '"' };
    const lines = ["web,5.4.12,24.12.31", "ios,5.10.1,24.01.15"];
    expect(versionColumns(lines, dialect, columns, "%y.%m.%d")).toEqual(["version"]);
    expect(versionColumns(lines, dialect, columns, "%d.%m.%y")).toEqual(["version"]);
    expect(versionColumns(lines, dialect, columns, "%d.%m.%Y")).toEqual([]);
    expect(versionColumns(lines, dialect, columns, "%m/%d/%y")).toEqual([]);
  });
});
