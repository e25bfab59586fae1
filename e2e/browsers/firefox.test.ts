import { readFileSync } from "node:fs";
import type { Browser, ElementHandle, Page } from "puppeteer-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordSupport } from "./support-record";
import { parquet, workbook } from "./made-files";
import { addFiles, byRole, downloaded, fillForm, openApp, openStep, press, startFirefox, waitForText } from "./firefox-harness";

let firefox: Awaited<ReturnType<typeof startFirefox>>;
let browser: Browser;
beforeAll(async () => {
  firefox = await startFirefox();
  browser = firefox.browser;
});
afterAll(() => firefox?.stop());

// What the pages threw or had refused by their CSP: every test ends with none.
let pageErrors: string[] = [];
let pages: Page[] = [];
afterEach(async () => {
  for (const page of pages.filter((p) => !p.isClosed())) pageErrors.push(...(await page.evaluate(() => (window as { stagesCspRefused?: string[] }).stagesCspRefused ?? []).catch(() => [])));
  const said = pageErrors;
  pageErrors = [];
  pages = [];
  expect(said).toEqual([]);
});

/** A page in a browser context of its own (its own IndexedDB and OPFS), as a new user has. */
async function freshPage(): Promise<Page> {
  const page = await (await browser.createBrowserContext()).newPage();
  page.on("pageerror", (error) => pageErrors.push((error as Error).message));
  await page.evaluateOnNewDocument(() => {
    const refused: string[] = ((window as { stagesCspRefused?: string[] }).stagesCspRefused = []);
    addEventListener("securitypolicyviolation", (e: SecurityPolicyViolationEvent) => refused.push(`CSP refused ${e.blockedURI} (${e.violatedDirective})`));
  });
  pages.push(page);
  return page;
}

/** The column names and the first row's cells of a grid. */
async function gridHead(page: Page, name: string): Promise<{ columns: string[]; first: string[]; rowcount: string | null }> {
  const grid = await byRole(page, "grid", name);
  await page.waitForFunction((g: Element) => g.querySelector('[role="row"][aria-rowindex="2"] [role="gridcell"]')?.textContent, { timeout: 20_000 }, grid);
  return grid.evaluate((g) => ({
    columns: [...g.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent ?? ""),
    first: [...g.querySelectorAll('[role="row"][aria-rowindex="2"] [role="gridcell"]')].map((c) => c.textContent ?? ""),
    rowcount: g.getAttribute("aria-rowcount"),
  }));
}

async function stage(page: Page, name: string, content: string | Buffer, columns: string[], first: string[]) {
  await addFiles(page, [{ name, content }]);
  await waitForText(page, `Staged ${name}`);
  await expect.poll(() => gridHead(page, "Staged data"), { timeout: 20_000 }).toMatchObject({ columns, first });
}

const ORDERS = ["id,email,amount", "1,a@x.org,10", "2,,5", "3,c@x.org,7", "4,d@x.org,-1", ""].join("\n");

describe("Firefox", () => {
  it("stages a CSV, keeps it across a reload, validates, transforms, promotes and downloads", async () => {
    const page = await freshPage();
    await openApp(page, `${firefox.base}/`);
    await stage(page, "orders.csv", ORDERS, ["id", "email", "amount"], ["1", "a@x.org", "10"]);
    const storageNote = await page.evaluate(() => document.querySelector('[role="note"]')?.textContent ?? null);
    expect(storageNote).toBeNull();
    recordSupport("firefox", { browser: "Firefox ESR", version: (await browser.version()).replace(/^firefox\//, ""), storageNote });
    await page.reload();
    await waitForText(page, "Engine ready");
    await expect.poll(() => gridHead(page, "Staged data"), { timeout: 20_000 }).toMatchObject({ rowcount: "5" });

    await openStep(page, "Validate");
    await fillForm(page, "Add a rule", [["Rule", "Required (not empty)"], ["Column", "email"]], "Add rule");
    await waitForText(page, "4 rows in = 3 valid after steps + 1 rejected");
    await openStep(page, "Transform");
    await fillForm(page, "Add a step", [["Step", "Keep rows where"], ["SQL condition", "amount > 0"]], "Add step");
    await waitForText(page, "4 rows in = 2 valid after steps + 2 rejected");
    await expect.poll(() => gridHead(page, "Final data"), { timeout: 20_000 }).toMatchObject({ rowcount: "3", first: ["1", "a@x.org", "10"] });

    await press(page, "button", "Promote");
    const destination = await byRole(page, "region", "Destination");
    await page.waitForFunction((d: Element) => /orders[\s\S]*2 rows/.test(d.textContent ?? ""), { timeout: 30_000 }, destination);
    await press(page, "button", "Download orders v1 as CSV");
    expect(await downloaded(firefox.downloads, "orders-v1.csv")).toBe("id,email,amount\r\n1,a@x.org,10\r\n3,c@x.org,7\r\n");

    await page.reload();
    await waitForText(page, "Engine ready");
    await page.waitForFunction(() => /orders[\s\S]*2 rows/.test(document.querySelector('[aria-label="Destination"]')?.textContent ?? document.body.innerText), { timeout: 30_000 });
  });

  it("stages every format: TSV, JSON, NDJSON, Parquet, Arrow, Excel (.xlsx and .xls), SQLite, dBase, Stata, SPSS, SAS", async () => {
    const page = await freshPage();
    await openApp(page, `${firefox.base}/`);
    await stage(page, "cities.tsv", "id\tcity\tzip\n1\tÅre\t01234\n", ["id", "city", "zip"], ["1", "Åre", "01234"]);
    await stage(page, "list.json", '[{"zeta": 1, "alpha": "x"}, {"zeta": 2, "alpha": null}]', ["zeta", "alpha"], ["1", "x"]);
    await stage(page, "events.ndjson", '{"b": 2, "a": "first"}\n{"b": 3, "a": "second"}\n', ["b", "a"], ["2", "first"]);
    await stage(page, "nested.parquet", await parquet("SELECT 1 AS id, 'Ada' AS name, DATE '2024-01-02' AS d"), ["id", "name", "d"], ["1", "Ada", "2024-01-02"]);
    // A Feather file as pyarrow writes one by default: its buffers compressed with LZ4 (test/fixtures/arrow).
    await stage(page, "batches.feather", readFileSync(new URL("../../test/fixtures/arrow/lz4.arrow", import.meta.url)), ["ints", "strs"], ["42", "foo"]);
    await stage(page, "book.xlsx", await workbook(), ["id", "name"], ["1", "Ada"]);
    // An Excel 97–2003 workbook and a SQLite database (test/fixtures): their largest sheet and table; a dBase table, a Stata dataset, an SPSS data file, SAS datasets.
    await stage(page, "workbook.xls", readFileSync(new URL("../../test/fixtures/xls/workbook.xls", import.meta.url)), ["n", "word"], ["0", "éword number 0 日"]);
    await stage(page, "shop.sqlite", readFileSync(new URL("../../test/fixtures/sqlite/shop.sqlite", import.meta.url)), ["id", "order", "qty", "price", "note", "big", "raw"], ["1", "A-00001", "1", "1.25", "", "-1", ""]);
    await stage(page, "parcels.dbf", readFileSync(new URL("../../test/fixtures/dbf/parcels.dbf", import.meta.url)), ["PARCEL", "OWNER", "AREA_M2", "ZONE", "SURVEYED", "BUILT"], ["P-0001", "Zoë Ångström", "12.5", "0", "2024-01-01", "true"]);
    await stage(page, "survey.dta", readFileSync(new URL("../../test/fixtures/stata/survey-118.dta", import.meta.url)), ["id", "region", "age", "income", "share", "small", "name", "born", "seen"], ["1", "North", "18", "1000.5", "0.0", "0", "Zoë Ångström", "1990-01-01", "2024-03-01 13:45:30"]);
    await stage(page, "survey.sav", readFileSync(new URL("../../test/fixtures/spss/survey.sav", import.meta.url)), ["id", "region_of_residence", "age", "income", "born", "seen", "name", "code", "longnote"], ["1", "North", "18", "1000.5", "1990-01-01", "2024-03-01 13:45:30", "Zoë Ångström", "A01", `${"x".repeat(250)}éZoë Ångström`]);
    await stage(page, "datetime.sas7bdat", readFileSync(new URL("../../test/fixtures/sas/datetime.sas7bdat", import.meta.url)), ["desc", "mtg", "dt", "tm"], ["one", "2017-11-24", "2018-03-17 00:00:00", "00:00:00"]);
    await stage(page, "example.xpt", readFileSync(new URL("../../test/fixtures/sas/example.xpt", import.meta.url)), ["VIT_STAT", "ECON", "COUNT", "TEMP"], ["ALIVE", "POOR", "1216", "98.6"]);
  });

  // Regression: DuckDB's workers were started inside the engine worker, and Firefox under WebDriver BiDi
  // stalled about 1 start in 15 in a fresh context creating them (docs/ARCHITECTURE.md, "Tests in other browsers").
  it("starts the engine in ten fresh browser contexts in a row", async () => {
    for (let i = 0; i < 10; i++) {
      const page = await freshPage();
      await openApp(page, `${firefox.base}/`);
      await page.browserContext().close();
    }
  });

  it("opens a shared link with its data inline in a fresh profile, after asking", async () => {
    const page = await freshPage();
    await openApp(page, `${firefox.base}/`);
    await stage(page, "sales.csv", "id,region,amount\n1,north,10\n2,south,\n3,north,7\n", ["id", "region", "amount"], ["1", "north", "10"]);
    await openStep(page, "Transform");
    await fillForm(page, "Add a step", [["Step", "Keep rows where"], ["SQL condition", "amount > 8"]], "Add step");
    await waitForText(page, "3 rows in = 1 valid after steps + 2 rejected");
    await openStep(page, "Promote");
    await press(page, "checkbox", "Put the data itself in the link (small files only)");
    await press(page, "button", "Share");
    const field = (await byRole(page, "textbox", "Share link (the part after # never reaches a server)")) as ElementHandle<HTMLInputElement>;
    await page.waitForFunction((f: HTMLInputElement) => f.value.includes("#share="), {}, field);
    const link = await field.evaluate((f) => f.value);

    const other = await freshPage();
    await openApp(other, link);
    const dialog = await byRole(other, "dialog", "Open a shared recipe?");
    expect(await dialog.evaluate((d) => d.textContent)).toContain("Keep rows where amount > 8");
    await press(dialog, "button", "Open it");
    await waitForText(other, "3 rows in = 1 valid after steps + 2 rejected");
    await expect.poll(() => gridHead(other, "Final data"), { timeout: 20_000 }).toMatchObject({ first: ["1", "north", "10"] });
  });
});
