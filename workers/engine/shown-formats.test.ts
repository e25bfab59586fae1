import { readSheet } from "read-excel-file/node";
import writeExcelFile from "write-excel-file/universal";
import { describe, expect, it } from "vitest";
import { showAsFormatted } from "./shown-formats";

describe("showAsFormatted", () => {
  it("reads numbers formatted 00000 (Excel's ZIP code) and durations as the sheet shows them, in the sheet asked for", async () => {
    const zip = (value: number) => ({ value, type: Number, format: "00000" });
    const sheets = [
      { sheet: "People", data: [[{ value: "name", type: String }], [{ value: "ann", type: String }]] },
      { sheet: "Branches", data: [
        [{ value: "zip", type: String }, { value: "staff", type: String }, { value: "code", type: String }],
        [zip(2134), { value: 5, type: Number }, { value: "007", type: String }],
        [zip(10001), { value: 7, type: Number, format: "0.00" }, null],
        [zip(501), { value: 1.5, type: Number, format: "[h]:mm:ss" }, { value: 0.0625, type: Number, format: "[h]:mm" }],
      ] },
    ];
    const blob = await writeExcelFile(sheets).toBlob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const rows = (await readSheet(Buffer.from(bytes), "Branches")) as unknown[][];
    expect(rows[1]).toEqual([2134, 5, "007"]);
    showAsFormatted(bytes, "Branches", rows);
    expect(rows).toEqual([["zip", "staff", "code"], ["02134", 5, "007"], ["10001", 7, null], ["00501", "36:00:00", "1:30"]]);
  });
});
