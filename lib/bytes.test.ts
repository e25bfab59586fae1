import { describe, expect, test } from "vitest";
import { concatBytes, utf8Bytes } from "./bytes";

describe("utf8Bytes", () => {
  const encoded = (text: string) => Array.from(new TextEncoder().encode(text));

  test("encodes as TextEncoder does, plain ASCII in one array of its length", () => {
    const text = '[{"id":1,"name":"Ada"}]';
    expect(Array.from(utf8Bytes(text))).toEqual(encoded(text));
    expect(utf8Bytes(text).buffer.byteLength).toBe(text.length);
  });

  test("grows for characters of two, three and four bytes, and never splits a surrogate pair between slices", () => {
    const text = "aé€😀b😀😀ü".repeat(5);
    for (const slice of [1, 2, 3, 4, 7, 1000]) expect(Array.from(utf8Bytes(text, slice))).toEqual(encoded(text));
  });

  test("an empty text is no bytes", () => {
    expect(utf8Bytes("").length).toBe(0);
  });
});

test("concatBytes puts the parts one after the other", () => {
  expect(Array.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]))).toEqual([1, 2, 3]);
});
