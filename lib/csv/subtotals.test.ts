import { describe, expect, it } from "vitest";
import { subtotalTest } from "./subtotals";

const dialect = { delimiter: ",", quote: '"', escape: '"' };
const subtotals = (lines: string[], width = 3) => {
  const test = subtotalTest(dialect, width);
  return lines.filter((line) => test(line));
};

describe("subtotal rows", () => {
  it("finds a pivot table's group totals, also under group names written once", () => {
    expect(subtotals(["North,A,10", ",B,5", "North Total,,15", "South,A,3", "South Total,,3", "Grand Total,,18"])).toEqual(["North Total,,15", "South Total,,3", "Grand Total,,18"]);
  });

  it("finds totals written first, quoted or not (QuickBooks, SAP)", () => {
    expect(subtotals(['"Sales","Income","10.00"', '"Total Income","","10.00"', "Summe,,10", "Subtotal,,4"])).toEqual(['"Total Income","","10.00"', "Summe,,10", "Subtotal,,4"]);
  });

  it("leaves rows that only look so: every value given, a name ending in Total that is no group's, another width, a line inside a quoted value", () => {
    expect(subtotals(["Total Gym,fitness,2", "Order Count,,20", "Order Total,,500", "Total,5", 'Sub Total",', "A,Total,1"])).toEqual([]);
  });

  it("finds them in a file read with no quote character, whatever the length of the line", () => {
    const test = subtotalTest({ ...dialect, quote: "" }, 3);
    expect(["North,A,10", "North Total,,15", "Grand Total,,150"].filter((line) => test(line))).toEqual(["North Total,,15", "Grand Total,,150"]);
  });
});

describe("a report's sections", () => {
  it("finds the total of a section opened by a line of its name alone, every value given (QuickBooks)", () => {
    const report = ['"Income",""', '"   Sales","12,000.00"', '"   Services","3,000.00"', '"Total Income","$15,000.00"', '"Expenses",""', '"   Rent","6,000.00"', '"Total Expenses","$6,000.00"', '"Net Income","$9,000.00"'];
    expect(subtotals(report, 2)).toEqual(['"Total Income","$15,000.00"', '"Total Expenses","$6,000.00"']);
  });

  it("leaves a row named Total something when no section of that name was opened above it", () => {
    expect(subtotals(['"Total Wine","12.00"', '"Income",""', '"Total Income Tax","3.00"'], 2)).toEqual([]);
  });
});
