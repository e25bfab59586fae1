import { expect, it } from "vitest";
import { counted } from "./counted";

it("a load's rows are counted as they go by, a report every so many rows, each row given as it was", () => {
  const reports: number[] = [];
  const rows = Array.from({ length: 7 }, (_, i) => [i]);
  expect([...counted(rows, (done) => reports.push(done), 3)]).toEqual(rows);
  expect(reports).toEqual([3, 6]);
});
