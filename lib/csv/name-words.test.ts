import { describe, expect, it } from "vitest";
import { namedByWords } from "./name-words";

describe("namedByWords", () => {
  const rows = [["name", "Ada"], ["age", "36"], ["city", "London"]];
  it("takes a row of names made of the words columns are named with, in several languages and ways of writing them", () => {
    expect(namedByWords(["key", "value"], rows)).toBe(true);
    expect(namedByWords(["Unit Price", "first_name"], rows)).toBe(true);
    expect(namedByWords(["Schlüssel", "Wert"], rows)).toBe(true);
  });

  it("leaves a row with any other value, an empty one, or one found again below it in its column", () => {
    expect(namedByWords(["colour", "Ada"], rows)).toBe(false);
    expect(namedByWords(["key", ""], rows)).toBe(false);
    expect(namedByWords(["name", "value"], rows)).toBe(false);
    expect(namedByWords(["key", "36"], rows)).toBe(false);
  });
});
