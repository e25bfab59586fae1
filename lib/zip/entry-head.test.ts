import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { entryHead } from "./entry-head";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}: ${"x".repeat(i % 50)}\n`).join("");

describe("entryHead", () => {
  const big = lines(200_000);
  const archive = zipSync({ "a.txt": strToU8("first"), "dir/big.txt": strToU8(big), "stored.txt": [strToU8(big), { level: 0 }] }, { comment: "an archive's comment" });

  it("inflates a file only until it holds enough, from its start", () => {
    const head = entryHead(archive, "dir/big.txt", (text) => text.includes("line 10:"))!;
    expect(head.whole).toBe(false);
    expect(big.startsWith(head.text)).toBe(true);
    expect(head.text).toContain("line 10:");
    expect(head.text.length).toBeLessThan(big.length / 5);
  });

  it("gives a whole file when it never holds enough, deflated or stored", () => {
    expect(entryHead(archive, "dir/big.txt", () => false)).toEqual({ text: big, whole: true });
    expect(entryHead(archive, "stored.txt", () => false)).toEqual({ text: big, whole: true });
    expect(entryHead(archive, "a.txt", () => false)).toEqual({ text: "first", whole: true });
    const stored = entryHead(archive, "stored.txt", (text) => text.length > 10)!;
    expect([stored.whole, big.startsWith(stored.text), stored.text.length < big.length]).toEqual([false, true, true]);
  });

  it("stops at its limit, and gives null for a file the archive lacks or bytes that are no archive", () => {
    expect(entryHead(archive, "dir/big.txt", () => false, 100_000)!.text.length).toBeLessThan(big.length);
    expect(entryHead(archive, "missing.txt", () => true)).toBeNull();
    expect(entryHead(strToU8("id,name\n1,Ada\n"), "a.txt", () => true)).toBeNull();
  });
});
