import { describe, expect, it } from "vitest";
import { describeRowidRenames, rowidRenames } from "./rowid-clash";

describe("rowidRenames", () => {
  it("reads a column named rowid, in any case, under the first free name", () => {
    expect(rowidRenames(["ROWID", "name", "ROWID_1"])).toEqual({ ROWID: "ROWID_2" });
    expect(rowidRenames(["rowid", "id"])).toEqual({ rowid: "rowid_1" });
  });

  it("leaves other names alone, those that contain rowid too", () => {
    expect(rowidRenames(["id", "rowid_1", "my_rowid"])).toEqual({});
  });

  it("says what was renamed and why", () => {
    expect(describeRowidRenames({ rowid: "rowid_1" })).toBe("Column “rowid” is read as “rowid_1”: DuckDB keeps the name rowid for each row's position in its table.");
  });
});
