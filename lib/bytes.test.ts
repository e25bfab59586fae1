import { expect, test } from "vitest";
import { concatBytes, wholeBytes } from "./bytes";

test("concatBytes puts the parts one after the other", () => {
  expect(Array.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]))).toEqual([1, 2, 3]);
});

test("wholeBytes reads a file whole, and says when a file of gigabytes could not be held in one piece", async () => {
  expect(Array.from((await wholeBytes(new Blob([new Uint8Array([7, 8])])))!)).toEqual([7, 8]);
  const refused = (size: number, error: Error) => ({ size, arrayBuffer: () => Promise.reject(error) }) as unknown as Blob;
  expect(await wholeBytes(refused(3 * 2 ** 30, new RangeError("Array buffer allocation failed")))).toBeNull();
  const unreadable = Object.assign(new Error("The requested file could not be read"), { name: "NotReadableError" });
  expect(await wholeBytes(refused(5 * 2 ** 30, unreadable))).toBeNull();
  // A small file's failure (changed on disk) is its own.
  await expect(wholeBytes(refused(1000, unreadable))).rejects.toThrow("could not be read");
});
