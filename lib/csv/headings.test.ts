import { describe, expect, it } from "vitest";
import { headingTest, leadsAlone } from "./headings";
import { learnShapes } from "./shapes";

const dialect = { delimiter: ",", quote: '"', escape: '"' };
const shapes = learnShapes(Array.from({ length: 8 }, (_, i) => [`${i + 1}`, `x${i}`, `${i}.5`]), 3);

describe("headingTest", () => {
  it("finds a line of one word in the first column that the column does not take", () => {
    const heading = headingTest(dialect, 3, shapes);
    expect(heading("Page 2,,")).toBe(true);
    expect(heading('"Sales report, North",,')).toBe(true);
  });

  it("leaves rows, sparse rows that fit, numbers, lines of another width and open quotes alone", () => {
    const heading = headingTest(dialect, 3, shapes);
    expect(heading("9,x9,9.5")).toBe(false);
    expect(heading("9,,")).toBe(false);
    expect(heading("12-34,,")).toBe(false);
    expect(heading("Page 2,")).toBe(false);
    expect(heading('"Page 2,,')).toBe(false);
    expect(headingTest(dialect, 3, learnShapes([["North"], ["South"]], 3))("East,,")).toBe(false);
  });
});

it("leadsAlone: three values or more, the first alone filled", () => {
  expect(leadsAlone(["a", "", " "])).toBe(true);
  expect(leadsAlone(["a", ""])).toBe(false);
  expect(leadsAlone(["", "a", ""])).toBe(false);
});
