import { describe, expect, it } from "vitest";
import { isOutOfMemory, outOfMemoryError } from "./out-of-memory";

describe("isOutOfMemory", () => {
  it("recognizes DuckDB's and the wasm heap's ways of running out", () => {
    expect(isOutOfMemory("Out of Memory Error: Allocation failure")).toBe(true);
    expect(isOutOfMemory("Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)")).toBe(true);
    expect(isOutOfMemory("RuntimeError: memory access out of bounds")).toBe(true);
    // As it reads once the error's class has been trimmed off for the user.
    expect(isOutOfMemory("failed to allocate data of size 16.0 MiB (1.8 GiB/1.8 GiB used).")).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isOutOfMemory('Conversion Error: Could not convert string "abc" to INT64')).toBe(false);
    expect(isOutOfMemory("There is not enough browser storage to stage this file.")).toBe(false);
  });
});

describe("outOfMemoryError", () => {
  it("asks for a restart, keeps where it happened, and tells the user what to do", () => {
    const error = outOfMemoryError({ message: "Out of Memory Error: Allocation failure\nmore", file: "big.csv" });
    expect(error).toMatchObject({ fatal: true, file: "big.csv" });
    expect(error.message).toMatch(/^The engine ran out of memory .* Try again\. \(Out of Memory Error: Allocation failure\)$/);
  });
});
