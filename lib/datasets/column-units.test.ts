import { describe, expect, it } from "vitest";
import { describeCodeLabels, describedColumns } from "./column-units";

describe("describedColumns", () => {
  const units = { line: 2, columns: [{ column: "temp", unit: "degC" }, { column: "pressure", unit: "hPa" }] };
  const columns = [{ name: "time", type: "TIMESTAMP" }, { name: "temp", type: "DOUBLE" }, { name: "air_pressure", type: "DOUBLE" }];

  it("gives a final column the unit its header gave it, under its own name", () => {
    expect(describedColumns(columns, units, false)).toEqual([{ name: "time", type: "TIMESTAMP" }, { name: "temp", type: "DOUBLE", unit: "degC" }, { name: "air_pressure", type: "DOUBLE" }]);
  });

  it("gives a column read as numbers with a unit after each (12 kg) that unit", () => {
    expect(describedColumns(columns, undefined, false, { air_pressure: { unit: "hPa" }, time: {} })).toEqual([columns[0], columns[1], { name: "air_pressure", type: "DOUBLE", unit: "hPa" }]);
    expect(describedColumns(columns, undefined, true, { air_pressure: { unit: "hPa" } })).toEqual(columns);
  });

  it("gives no unit from a line of labels (a survey's questions), but the labels", () => {
    expect(describedColumns(columns, { ...units, labels: true }, false)).toEqual([columns[0], { ...columns[1], label: "degC" }, columns[2]]);
    expect(describedColumns(columns, { ...units, labels: true }, true)).toEqual(columns);
  });

  it("gives a statistical dataset's variable labels to the columns of their names, and none where the recipe's SQL made the rows", () => {
    const labels = { [columns[1]!.name]: "Temperature at noon", gone: "A column not kept" };
    expect(describedColumns(columns, undefined, false, {}, { labels })).toEqual([columns[0], { ...columns[1], label: "Temperature at noon" }, columns[2]]);
    expect(describedColumns(columns, undefined, true, {}, { labels })).toEqual(columns);
  });

  it("gives the labels of a column's codes, where they were read as codes, as its categories", () => {
    const codes = { temp: [{ value: 1, label: "cold" }, { value: 2, label: "warm" }] };
    expect(describedColumns(columns, undefined, false, {}, { codes })).toEqual([columns[0], { ...columns[1], categories: codes.temp }, columns[2]]);
    expect(describeCodeLabels(codes, "both")).toBe("Column temp holds codes, as chosen, its labels in temp_label beside it; the labels of its codes are kept in the versions' schema (a Data Package's categories).");
    expect(describeCodeLabels(codes, "codes")).toBe("Column temp holds codes, as chosen; the labels of its codes are kept in the versions' schema (a Data Package's categories).");
    expect(describeCodeLabels({ ...codes, wind: [] }, "labels")).toBe(
      "Columns temp, wind are read as their codes' labels (1 as cold), a code without a label as itself. To keep the codes, read it again with Labelled codes: as the codes they are.",
    );
  });

  it("gives none where the recipe's SQL made the rows, or the file gave none", () => {
    expect(describedColumns(columns, units, true)).toEqual(columns);
    expect(describedColumns(columns, undefined, false)).toEqual(columns);
  });
});
