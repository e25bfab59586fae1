import { describe, expect, it } from "vitest";
import { dayMonthTimestamps, isoDateFormat, isoDatesInHead } from "./iso-dates";

const comma = { delimiter: ",", quote: '"', escape: '"' };
const columns = (...types: string[]) => types.map((type, i) => ({ name: `c${i}`, type }));

describe("isoDateFormat", () => {
  it("tells ISO dates in every DATE column from the file's first lines", () => {
    const lines = ["1,2024-03-05,x,2023-12-31", "2,,y,2024-01-01", '3,2024-02-29,"a, b",2024-01-02'];
    expect(isoDateFormat(lines, comma, columns("BIGINT", "DATE", "VARCHAR", "DATE"))).toBe("%Y-%m-%d");
  });

  it("leaves it to the sniffer when a DATE column is written otherwise, or shows no value", () => {
    expect(isoDateFormat(["1,05/03/2024", "2,2024-03-05"], comma, columns("BIGINT", "DATE"))).toBeNull();
    expect(isoDateFormat(["1,", "2,"], comma, columns("BIGINT", "DATE"))).toBeNull();
    expect(isoDateFormat(["1,2024-03-05"], comma, columns("BIGINT", "VARCHAR"))).toBeNull();
  });

  it("judges only by lines that split into one field a column", () => {
    // A value spanning lines, and a line of notes: neither is read as the DATE column's value.
    const lines = ['1,2024-03-05,"two', 'lines",x', "Total: 2 rows", "2,2024-03-06,plain"];
    expect(isoDateFormat(lines, comma, columns("BIGINT", "DATE", "VARCHAR"))).toBe("%Y-%m-%d");
  });
});

describe("isoDatesInHead", () => {
  it("reads a file by the ISO date format when some column of its first lines holds ISO dates alone", () => {
    expect(isoDatesInHead(["1,2024-03-05,x", "2,,y", "3,2024-02-29,z"], comma, 3)).toBe("%Y-%m-%d");
    expect(isoDatesInHead(["1,2024-03-05 10:00,x", "2,2024-03-06,y"], comma, 3)).toBeNull();
    expect(isoDatesInHead(["1,05/03/2024,x"], comma, 3)).toBeNull();
    expect(isoDatesInHead(["1,,x", "2,,y"], comma, 3)).toBeNull();
  });
});

describe("dayMonthTimestamps", () => {
  const stamps = columns("BIGINT", "TIMESTAMP");
  it("finds timestamps that start with a day and a month, in either order", () => {
    expect(dayMonthTimestamps(["1,1/2/2024 9:05", "2,1/3/2024 10:00"], comma, stamps)).toBe(true);
    expect(dayMonthTimestamps(["1,31.12.2024 23:59"], comma, stamps)).toBe(true);
  });

  it("leaves timestamps written year first, and tables without timestamps, alone", () => {
    expect(dayMonthTimestamps(["1,2024-01-02 09:05:00", "2,2024/01/03 10:00"], comma, stamps)).toBe(false);
    expect(dayMonthTimestamps(["1,1/2/2024"], comma, columns("BIGINT", "DATE"))).toBe(false);
  });
});
