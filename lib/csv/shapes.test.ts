import { describe, expect, it } from "vitest";
import { exactShapeOf, learnShapes, shapeOf, type ShapeCache } from "./shapes";

// The definitions the fast path must agree with.
const byRegex = (v: string) => v.trim().replace(/\p{N}+/gu, "9").replace(/\p{L}+/gu, "a").replace(/\s+/g, " ");
const exactByRegex = (v: string) => v.trim().replace(/\p{N}/gu, "9").replace(/\p{L}/gu, "a");

function randomAscii(seed: number, length: number): string {
  const alphabet = "aZq09 \t\r\n-.,$%_/:;\"'#+()x7";
  let s = "";
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    s += alphabet[seed % alphabet.length];
  }
  return s;
}

describe("shapeOf", () => {
  it("collapses runs of digits and letters, and spaces", () => {
    expect(shapeOf("$29.81")).toBe("$9.9");
    expect(shapeOf("1RI-7338")).toBe("9a-9");
    expect(shapeOf("  New   York\t10 ")).toBe("a a 9");
    expect(exactShapeOf("1RI-7338")).toBe("9aa-9999");
    expect(exactShapeOf(" a  1 ")).toBe("a  9");
  });

  it("agrees with its regular-expression definition on ASCII text", () => {
    for (let i = 0; i < 2000; i++) {
      const v = randomAscii(i + 1, i % 23);
      expect(shapeOf(v)).toBe(byRegex(v));
      expect(exactShapeOf(v)).toBe(exactByRegex(v));
    }
  });

  it("knows Unicode's digits and letters", () => {
    for (const v of ["Zürich 8001", "١٢٣ درهم", "東京 ２０２４", "\u00a0x\u00a0"]) {
      expect(shapeOf(v)).toBe(byRegex(v));
      expect(exactShapeOf(v)).toBe(exactByRegex(v));
    }
    expect(shapeOf("Zürich 8001")).toBe("a 9");
  });
});

describe("learnShapes", () => {
  it("keeps a column's few shapes, and gives up on free text", () => {
    const rows = [["1", "open", "a b"], ["22", "paid", "c d e"], ["333", "open", "f"], ["4", "shipped", "g h i j k l m"], ["5", "open", "n o p q"], ["6", "x", "r s t u v w"], ["7", "y", "z z z z z z z z"]];
    const [id, status, text] = learnShapes(rows, 3);
    expect([...id!.shapes!]).toEqual(["9"]);
    expect(id!.numeric).toBe(true);
    expect([...status!.shapes!]).toEqual(["a"]);
    expect(text!.shapes).toBeNull();
  });

  it("learns the same from rows it has seen before, when given what it saw", () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? [`${i}`, "", "x"] : [`${i}.5`, `code-${i % 3}`, i % 2 ? "yes" : "12", "extra"]));
    const cache: ShapeCache = new WeakMap();
    for (const subset of [rows, rows.slice(1), rows.filter((r) => r.length === 4), rows]) {
      expect(learnShapes(subset, 3, cache)).toEqual(learnShapes(subset, 3));
    }
  });
});
