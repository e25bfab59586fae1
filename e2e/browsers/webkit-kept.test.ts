import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite } from "./site";
import { recordSupport } from "./support-record";
import type { Session } from "./webkit-driver";
import { startWebKitView } from "./webkit-view";

// A WebKitGTK web view whose data is kept on disk, as Safari keeps a profile's (WebKitWebDriver's sessions are
// ephemeral: webkit.test.ts). With its file system features on, WebKitGTK 2.50 writes OPFS files but refuses
// synchronous access handles ("Backend does not support this operation"), which DuckDB opens its database with:
// the engine did not start. Now DuckDB works in memory there, and the staging area and datasets outlive a reload.
const FEATURES = ["StorageAPI", "StorageAPIEstimate", "FileSystem", "FileSystemWritableStream", "AccessHandle"];

let site: Awaited<ReturnType<typeof serveSite>>;
let webkit: Session;
beforeAll(async () => {
  site = await serveSite(6);
  webkit = await startWebKitView(FEATURES, mkdtempSync(join(tmpdir(), "stages-webkit-data-")));
});
afterAll(async () => {
  await webkit?.close();
  site?.stop();
});

const engineState = `const t = document.querySelector("header")?.innerText ?? ""; return /Engine ready|could not start/.test(t) && t`;
const destinationText = `const t = document.querySelector('section[aria-labelledby="destination-heading"]')?.innerText ?? ""; return /\\d rows?/.test(t) && t`;

describe("WebKit, data kept on disk", () => {
  it("starts, stages a CSV, promotes it, and keeps the staged file and the dataset across a reload", async () => {
    await webkit.navigate(`${site.base}/`);
    const header = await webkit.waitFor<string>(engineState);
    expect(header).toMatch(/Engine ready/);
    // Blobs are kept in IndexedDB here; only DuckDB's database file is not.
    expect(header).toMatch(/Limited storage: .*DuckDB works in memory/);
    expect(header).not.toMatch(/chunks of bytes/);
    const storageNote = await webkit.run<string | null>(`return document.querySelector('[role="note"]')?.textContent ?? null`);
    recordSupport("webkit-kept", { browser: "WebKitGTK (WebKitWebView)", version: webkit.version, storageNote });

    const dir = mkdtempSync(join(tmpdir(), "stages-webkit-"));
    writeFileSync(join(dir, "orders.csv"), "id,email,amount\n1,a@x.org,10\n2,,5\n3,c@x.org,7\n");
    await webkit.setFiles('input[type="file"]', [join(dir, "orders.csv")]);
    await webkit.waitFor(`return /Staged orders\\.csv: 3 rows/.test(document.body.innerText)`);
    await webkit.waitFor(`return document.querySelector('[role="grid"][aria-rowcount="4"]')`);
    await webkit.waitFor(`const b = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Promote" && b.offsetParent && !b.disabled); b?.click(); return !!b`);
    expect(await webkit.waitFor<string>(destinationText)).toMatch(/orders[\s\S]*v1 · 3 rows/);

    // A new page load (the mark set on this one is gone), with the same data on disk.
    await webkit.run(`window.stagesBeforeReload = true`);
    await webkit.navigate(`${site.base}/`);
    expect(await webkit.waitFor<string>(engineState)).toMatch(/Engine ready/);
    expect(await webkit.run<boolean>(`return window.stagesBeforeReload === true`)).toBe(false);
    expect(await webkit.waitFor<string>(`const t = document.querySelector('section[aria-labelledby="staging-heading"]')?.innerText ?? ""; return /orders\\.csv/.test(t) && t`)).toMatch(/3 rows/);
    await webkit.waitFor(`return document.querySelector('[role="grid"][aria-rowcount="4"]')`);
    expect(await webkit.waitFor<string>(destinationText)).toMatch(/orders[\s\S]*v1 · 3 rows/);
  });
});
