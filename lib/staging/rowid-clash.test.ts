import { describe, expect, it } from "vitest";
import { describeRowidRenames, rowidRenames, finalRowidProblem } from "./rowid-clash";

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

describe("finalRowidProblem", () => {
  it("names a final column called rowid, in any case, and where to rename it", () => {
    expect(finalRowidProblem(["id", "name"], true)).toBeNull();
    expect(finalRowidProblem(["RowID", "name"], true)).toBe("Your SQL's result has a column named “RowID”, the name DuckDB keeps for each row's position, by which the rows are paged. Name it otherwise (… AS RowID_1).");
    expect(finalRowidProblem(["rowid"], false)).toMatch(/^The final rows have a column named “rowid”.* Name it otherwise in the steps\.$/);
  });
});
