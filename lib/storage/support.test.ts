import { describe, expect, it } from "vitest";
import { degradedNotice } from "./support";

describe("degradedNotice", () => {
  it("says nothing when the browser has everything", () => {
    expect(degradedNotice({ indexedDb: true, opfs: true, blobsInIndexedDb: true })).toBeNull();
  });
  it("names each missing feature and what works instead, in one line", () => {
    const opfs = degradedNotice({ indexedDb: true, opfs: false, blobsInIndexedDb: true })!;
    expect(opfs).toMatch(/no private file system/);
    expect(opfs).toMatch(/DuckDB works in memory/);
    expect(opfs).not.toMatch(/chunks/);
    const both = degradedNotice({ indexedDb: true, opfs: false, blobsInIndexedDb: false })!;
    expect(both).toMatch(/chunks of bytes/);
    expect(both).not.toContain("\n");
  });
  it("says plainly when nothing can be kept at all, and what to do", () => {
    const none = degradedNotice({ indexedDb: false, opfs: false, blobsInIndexedDb: false })!;
    expect(none).toMatch(/^No storage: .*files cannot be staged here\. Open Stages in a tab of its own/);
  });
});
