import { describe, expect, it } from "vitest";
import { rowBeforeHeader } from "./joined-header";
import { splitFields } from "./records";

const dialect = { delimiter: ",", quote: '"', escape: '"' };
const fields = (line: string) => splitFields(line, dialect).fields;
const header = ["id", "name", "amount"];

describe("rowBeforeHeader", () => {
  it("finds the row before a header run into its end, with or without a byte-order mark and quotes between", () => {
    expect(rowBeforeHeader(fields("5,x5,10.5id,name,amount"), header, '"')).toEqual(["5", "x5", "10.5"]);
    expect(rowBeforeHeader(fields("5,x5,10.5\uFEFFid,name,amount"), header, '"')).toEqual(["5", "x5", "10.5"]);
    expect(rowBeforeHeader(fields('5,"x, 5",10.5\uFEFF"id","name","amount"'), header, '"')).toEqual(["5", "x, 5", "10.5"]);
    expect(rowBeforeHeader(fields("5,x5,id,name,amount"), header, '"')).toEqual(["5", "x5", ""]);
  });

  it("leaves any other line alone", () => {
    expect(rowBeforeHeader(fields("5,x5,10.5,name,amount"), header, '"')).toBeNull();
    expect(rowBeforeHeader(fields("5,x5,10.5id,name,total"), header, '"')).toBeNull();
    expect(rowBeforeHeader(fields("5,x5,10.5,6,x6"), header, '"')).toBeNull();
    expect(rowBeforeHeader(fields("5id,id"), ["id"], '"')).toBeNull();
  });
});
