import { describe, expect, it } from "vitest";
import { longDigits, markLongIntegers, parseJsonExact, unmarkLong } from "./json-long-integers";

describe("parseJsonExact", () => {
  it("keeps the digits of whole numbers a double would round (JSON.parse gives 12345678901234567000)", () => {
    const parsed = parseJsonExact('{"id": 12345678901234567890, "neg": -9007199254740993, "small": 42}') as Record<string, unknown>;
    expect(JSON.parse('{"id": 12345678901234567890}').id).toBe(12345678901234567000);
    expect(longDigits(parsed.id)).toBe("12345678901234567890");
    expect(longDigits(parsed.neg)).toBe("-9007199254740993");
    expect(parsed.small).toBe(42);
  });

  it("leaves strings, fractions and exponents as they are, and finds numbers in arrays and nested objects", () => {
    const text = '[{"s": "12345678901234567890", "q": "a \\" [12345678901234567890]", "f": 1.12345678901234567890, "e": 1e12345678901234567, "g": 12345678901234567.5}, {"l": [1, 12345678901234567890], "o": {"k": 98765432109876543210}}]';
    const [a, b] = parseJsonExact(text) as Record<string, unknown>[];
    expect(a).toEqual({ s: "12345678901234567890", q: 'a " [12345678901234567890]', f: 1.1234567890123457, e: Infinity, g: 12345678901234568 });
    expect((b!.l as unknown[]).map((v) => longDigits(v) ?? v)).toEqual([1, "12345678901234567890"]);
    expect(longDigits((b!.o as Record<string, unknown>).k)).toBe("98765432109876543210");
  });

  it("marks nothing in a text whose numbers a double holds, nor in one that holds the mark already", () => {
    expect(parseJsonExact('{"a": 1234567890123456, "b": 9007199254740991, "s": "12345678901234567890"}')).toEqual({ a: 1234567890123456, b: 9007199254740991, s: "12345678901234567890" });
    expect(parseJsonExact('{"a": "\uE000long:x", "b": 12345678901234567890}')).toEqual({ a: "\uE000long:x", b: 12345678901234567000 });
  });

  it("reports invalid JSON as JSON.parse does", () => {
    expect(() => parseJsonExact('{"a": 12345678901234567890,')).toThrow(SyntaxError);
  });
});

describe("markLongIntegers", () => {
  it("marks long whole numbers outside strings only", () => {
    expect(markLongIntegers('{"a": "x 12345678901234567890", "b": -12345678901234567890, "c": 1.12345678901234567890}')).toBe('{"a": "x 12345678901234567890", "b": "\uE000long:-12345678901234567890", "c": 1.12345678901234567890}');
  });
});

describe("unmarkLong", () => {
  it("writes marked numbers as strings of their digits", () => {
    const json = JSON.stringify(parseJsonExact('[{"id": 12345678901234567890, "t": "x"}]'));
    expect(unmarkLong(json)).toBe('[{"id":"12345678901234567890","t":"x"}]');
  });
});
