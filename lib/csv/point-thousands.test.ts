import { describe, expect, it } from "vitest";
import { pointThousandsColumns } from "./point-thousands";

const SEMICOLON = { delimiter: ";", quote: '"', escape: '"' };
const columns = [
  { name: "Artikel", type: "VARCHAR" },
  { name: "Menge", type: "DOUBLE" },
];

describe("pointThousandsColumns", () => {
  it("finds decimal columns whose values are whole numbers grouped by points, in a file delimited by semicolons", () => {
    expect(pointThousandsColumns(["A;1.000", "B;2.500", "C;750", "D;12.000.000"], SEMICOLON, columns)).toEqual(["Menge"]);
  });

  it("leaves real decimals, plain whole numbers and files delimited by commas alone", () => {
    expect(pointThousandsColumns(["A;1.000", "B;2.5"], SEMICOLON, columns)).toEqual([]);
    expect(pointThousandsColumns(["A;0.125", "B;0.250"], SEMICOLON, columns)).toEqual([]);
    expect(pointThousandsColumns(["A;1", "B;2"], SEMICOLON, columns)).toEqual([]);
    expect(pointThousandsColumns(["A,1.000", "B,2.500"], { ...SEMICOLON, delimiter: "," }, columns)).toEqual([]);
  });
});
