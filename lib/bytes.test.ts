import { expect, test } from "vitest";
import { concatBytes } from "./bytes";

test("concatBytes puts the parts one after the other", () => {
  expect(Array.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]))).toEqual([1, 2, 3]);
});
