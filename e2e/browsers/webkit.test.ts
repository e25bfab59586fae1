import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite } from "./site";
import { recordSupport } from "./support-record";
import { type Session, startWebKit } from "./webkit-driver";
import { press, regionText, waitForText } from "./webkit-page";

// WebKitGTK's Storage API and File System features are off by default; with them on, an automation
// session is ephemeral, as Safari's private windows are: OPFS fails and IndexedDB refuses Blobs, so the
// app runs in its degraded mode (lib/storage/support.ts) and must say so.
const FEATURES = ["+StorageAPI", "+StorageAPIEstimate", "+FileSystem", "+FileSystemWritableStream"];

let site: Awaited<ReturnType<typeof serveSite>>;
let webkit: Session;
beforeAll(async () => {
  site = await serveSite(4);
  webkit = await startWebKit(FEATURES);
});
afterAll(async () => {
  await webkit?.close();
  site?.stop();
});

const pageText = "return document.body.innerText";

describe("WebKit", () => {
  it("starts, names what it cannot keep, stages a CSV and promotes it", async () => {
    await webkit.navigate(`${site.base}/`);
    const header = await webkit.waitFor<string>(`const t = document.querySelector("header")?.innerText ?? ""; return /Engine ready|could not start/.test(t) && t`);
    expect(header).toMatch(/Engine ready/);
    // Measured with WebKitGTK 2.50: its automation session is ephemeral, so OPFS and Blobs in IndexedDB are refused.
    expect(header).toMatch(/Limited storage: .*DuckDB works in memory/);
    const storageNote = await webkit.run<string | null>(`return document.querySelector('[role="note"]')?.textContent ?? null`);
    recordSupport("webkit", { browser: "WebKitGTK (MiniBrowser)", version: webkit.version, storageNote });

    const dir = mkdtempSync(join(tmpdir(), "stages-webkit-"));
    writeFileSync(join(dir, "orders.csv"), "id,email,amount\n1,a@x.org,10\n2,,5\n3,c@x.org,7\n");
    await webkit.setFiles('input[type="file"]', [join(dir, "orders.csv")]);
    await waitForText(webkit, /Staged orders\.csv: 3 rows/);
    await webkit.waitFor(`return document.querySelector('[role="grid"][aria-rowcount="4"]')`);

    await press(webkit, "Promote");
    expect(await regionText(webkit, "destination-heading", /\d rows?/)).toMatch(/orders[\s\S]*3 rows/);
    const text = await webkit.run<string>(pageText);
    expect(text).not.toMatch(/undefined is not an object/);
  });
});
