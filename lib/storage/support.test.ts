import { describe, expect, it } from "vitest";
import { degradedNotice } from "./support";

describe("degradedNotice", () => {
  it("says nothing when the browser has everything", () => {
    expect(degradedNotice({ opfs: true, blobsInIndexedDb: true })).toBeNull();
  });
  it("names each missing feature and what works instead, in one line", () => {
    const opfs = degradedNotice({ opfs: false, blobsInIndexedDb: true })!;
    expect(opfs).toMatch(/no private file system/);
    expect(opfs).toMatch(/DuckDB works in memory/);
    expect(opfs).not.toMatch(/chunks/);
    const both = degradedNotice({ opfs: false, blobsInIndexedDb: false })!;
    expect(both).toMatch(/chunks of bytes/);
    expect(both).not.toContain("\n");
  });
});
