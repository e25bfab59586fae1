import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { serveSite } from "./site";
import { recordSupport } from "./support-record";
import type { Session } from "./webkit-driver";
import { parquet, workbook } from "./made-files";
import { clickLabelled, downloaded, fillForm, gridHead, labelledValue, openStep, press, regionText, waitForText } from "./webkit-page";
import { startWebKitView } from "./webkit-view";

// A WebKitGTK web view whose data is kept on disk, as Safari keeps a profile's (WebKitWebDriver's sessions are
// ephemeral: webkit.test.ts). With its file system features on, WebKitGTK 2.50 writes OPFS files but refuses
// synchronous access handles ("Backend does not support this operation"), which DuckDB opens its database with:
// the engine did not start. Now DuckDB works in memory there, and the staging area and datasets outlive a reload.
const FEATURES = ["StorageAPI", "StorageAPIEstimate", "FileSystem", "FileSystemWritableStream", "AccessHandle"];

let site: Awaited<ReturnType<typeof serveSite>>;
let webkit: Session;
const data = mkdtempSync(join(tmpdir(), "stages-webkit-data-"));
beforeAll(async () => {
  site = await serveSite(6);
  webkit = await startWebKitView(FEATURES, data);
});
afterAll(async () => {
  await webkit?.close();
  site?.stop();
});
// What the page threw, left unhandled or had refused by its CSP (webkit-view.py records them): every test ends with none.
const pageErrors = (page: Session) => page.run<string[]>(`return window.stagesPageErrors ?? ["no error recorder in this page"]`);
afterEach(async () => expect(await pageErrors(webkit)).toEqual([]));

const files = mkdtempSync(join(tmpdir(), "stages-webkit-files-"));
/** Stage a file through the page's file chooser, as a user picking it does. */
async function stage(name: string, content: string | Buffer | URL, first: string[]): Promise<void> {
  const path = join(files, name);
  if (content instanceof URL) copyFileSync(content, path);
  else writeFileSync(path, content);
  await webkit.setFiles('input[type="file"]', [path]);
  await waitForText(webkit, new RegExp(`Staged ${name.replace(/\./g, "\\.")}`));
  await expect.poll(async () => (await gridHead(webkit, "Staged data")).first, { timeout: 20_000 }).toEqual(first);
}

/** A new page load with the same data on disk (the mark set on the page before is gone). */
async function reload(): Promise<void> {
  await webkit.run(`window.stagesBeforeReload = true`);
  await webkit.navigate(`${site.base}/`);
  await waitForText(webkit, /Engine ready/);
  expect(await webkit.run<boolean>(`return window.stagesBeforeReload === true`)).toBe(false);
}

const fixture = (path: string) => new URL(`../../test/fixtures/${path}`, import.meta.url);
const ORDERS = ["id,email,amount", "1,a@x.org,10", "2,,5", "3,c@x.org,7", "4,d@x.org,-1", ""].join("\n");

describe("WebKit, data kept on disk", () => {
  it("stages a CSV, keeps it across a reload, validates, transforms, promotes, downloads, and keeps the dataset across a reload", async () => {
    await webkit.navigate(`${site.base}/`);
    const header = await webkit.waitFor<string>(`const t = document.querySelector("header")?.innerText ?? ""; return /Engine ready|could not start/.test(t) && t`);
    expect(header).toMatch(/Engine ready/);
    // Blobs are kept in IndexedDB here; only DuckDB's database file is not.
    expect(header).toMatch(/Limited storage: .*DuckDB works in memory/);
    expect(header).not.toMatch(/chunks of bytes/);
    const storageNote = await webkit.run<string | null>(`return document.querySelector('[role="note"]')?.textContent ?? null`);
    recordSupport("webkit-kept", { browser: "WebKitGTK (WebKitWebView)", version: webkit.version, storageNote });

    await stage("orders.csv", ORDERS, ["1", "a@x.org", "10"]);
    await reload();
    expect(await regionText(webkit, "staging-heading", /orders\.csv/)).toMatch(/4 rows/);
    expect(await gridHead(webkit, "Staged data")).toMatchObject({ rowcount: "5", first: ["1", "a@x.org", "10"] });

    await openStep(webkit, "Validate", "Add a rule");
    await fillForm(webkit, "Add a rule", [["Rule", "Required (not empty)"], ["Column", "email"]], "Add rule");
    await waitForText(webkit, /4 rows in = 3 valid after steps \+ 1 rejected/);
    await openStep(webkit, "Transform", "Add a step");
    await fillForm(webkit, "Add a step", [["Step", "Keep rows where"], ["SQL condition", "amount > 0"]], "Add step");
    await waitForText(webkit, /4 rows in = 2 valid after steps \+ 2 rejected/);
    await expect.poll(() => gridHead(webkit, "Final data"), { timeout: 20_000 }).toMatchObject({ rowcount: "3", first: ["1", "a@x.org", "10"] });

    await press(webkit, "Promote");
    expect(await regionText(webkit, "destination-heading", /\d rows?/)).toMatch(/orders[\s\S]*v1 · 2 rows/);
    await press(webkit, "Download orders v1 as CSV");
    expect(await downloaded(join(data, "downloads"), "orders-v1.csv")).toBe("id,email,amount\r\n1,a@x.org,10\r\n3,c@x.org,7\r\n");

    await reload();
    expect(await regionText(webkit, "destination-heading", /\d rows?/)).toMatch(/orders[\s\S]*v1 · 2 rows/);
  });

  it("stages every format: TSV, JSON, NDJSON, Parquet, Arrow, Excel (.xlsx and .xls), SQLite, dBase, Stata, SPSS, SAS", async () => {
    await stage("cities.tsv", "id\tcity\tzip\n1\tÅre\t01234\n", ["1", "Åre", "01234"]);
    await stage("list.json", '[{"zeta": 1, "alpha": "x"}, {"zeta": 2, "alpha": null}]', ["1", "x"]);
    await stage("events.ndjson", '{"b": 2, "a": "first"}\n{"b": 3, "a": "second"}\n', ["2", "first"]);
    await stage("nested.parquet", await parquet("SELECT 1 AS id, 'Ada' AS name, DATE '2024-01-02' AS d"), ["1", "Ada", "2024-01-02"]);
    await stage("batches.feather", fixture("arrow/lz4.arrow"), ["42", "foo"]);
    await stage("book.xlsx", await workbook(), ["1", "Ada"]);
    await stage("workbook.xls", fixture("xls/workbook.xls"), ["0", "éword number 0 日"]);
    await stage("shop.sqlite", fixture("sqlite/shop.sqlite"), ["1", "A-00001", "1", "1.25", "", "-1", ""]);
    await stage("parcels.dbf", fixture("dbf/parcels.dbf"), ["P-0001", "Zoë Ångström", "12.5", "0", "2024-01-01", "true"]);
    await stage("survey.dta", fixture("stata/survey-118.dta"), ["1", "North", "18", "1000.5", "0.0", "0", "Zoë Ångström", "1990-01-01", "2024-03-01 13:45:30"]);
    await stage("survey.sav", fixture("spss/survey.sav"), ["1", "North", "18", "1000.5", "1990-01-01", "2024-03-01 13:45:30", "Zoë Ångström", "A01", `${"x".repeat(250)}éZoë Ångström`]);
    await stage("datetime.sas7bdat", fixture("sas/datetime.sas7bdat"), ["one", "2017-11-24", "2018-03-17 00:00:00", "00:00:00"]);
    await stage("example.xpt", fixture("sas/example.xpt"), ["ALIVE", "POOR", "1216", "98.6"]);
  });

  it("opens a shared link with its data inline in another profile, after asking", async () => {
    await stage("sales.csv", "id,region,amount\n1,north,10\n2,south,\n3,north,7\n", ["1", "north", "10"]);
    await openStep(webkit, "Transform", "Add a step");
    await fillForm(webkit, "Add a step", [["Step", "Keep rows where"], ["SQL condition", "amount > 8"]], "Add step");
    await waitForText(webkit, /3 rows in = 1 valid after steps \+ 2 rejected/);
    await openStep(webkit, "Promote");
    await clickLabelled(webkit, "Put the data itself in the link (small files only)");
    await press(webkit, "Share");
    const link = await labelledValue(webkit, "Share link (the part after # never reaches a server)", /#share=/);

    const other = await startWebKitView(FEATURES, mkdtempSync(join(tmpdir(), "stages-webkit-other-")));
    try {
      await other.navigate(link);
      await waitForText(other, /Engine ready/);
      const dialog = await other.waitFor<string>(`const d = [...document.querySelectorAll('[role="dialog"]')].find((d) => /Open a shared recipe\?/.test(d.innerText)); return d?.innerText`);
      expect(dialog).toContain("Keep rows where amount > 8");
      await press(other, "Open it");
      await waitForText(other, /3 rows in = 1 valid after steps \+ 2 rejected/);
      await expect.poll(async () => (await gridHead(other, "Final data")).first, { timeout: 20_000 }).toEqual(["1", "north", "10"]);
      expect(await pageErrors(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
