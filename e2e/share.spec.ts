import { createServer, type Server } from "node:http";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { deflateSync, strToU8 } from "fflate";
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { addFiles, destination, openApp, openStep, rowTexts, stagingArea } from "./support/app";
import { addRule, addStep, expectCounts } from "./support/recipe";

const SALES = "id,region,amount\n1,north,10\n2,south,\n3,north,7\n4,east,-2\n";
let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const cors = req.url?.startsWith("/cors/");
    res.writeHead(200, { "content-type": "text/csv", ...(cors ? { "access-control-allow-origin": "*" } : {}) });
    res.end(SALES);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => server.close());

async function buildRecipe(page: Page) {
  await openApp(page);
  await addFiles(page, [{ name: "sales.csv", content: SALES }]);
  await expectCounts(page, "4 rows in");
  await addRule(page, "Required (not empty)", { Column: "amount" });
  await addStep(page, "Keep rows where", { "SQL condition": "amount > 0" });
  await expectCounts(page, "4 rows in = 2 valid after steps + 2 rejected");
}

async function makeLink(page: Page, options: { url?: string; inline?: boolean }): Promise<string> {
  await openStep(page, "Promote");
  if (options.url) await page.getByLabel("Where the data lives (optional http/https URL)").fill(options.url);
  if (options.inline) await page.getByLabel("Put the data itself in the link (small files only)").check();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  return page.getByLabel("Share link (the part after # never reaches a server)").inputValue();
}

async function openFresh(browser: Browser, link: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  return page;
}

test("a link with the data inline opens in a fresh browser, asks first, and gives the same final data", async ({ page, browser }) => {
  await buildRecipe(page);
  const link = await makeLink(page, { inline: true });
  expect(link).toContain("#share=");

  const other = await openFresh(browser, link);
  const dialog = other.getByRole("dialog", { name: "Open a shared recipe?" });
  await expect(dialog).toContainText("sales.csv");
  await expect(dialog).toContainText(/Rule 1: .*"amount" is required/);
  await expect(dialog).toContainText("Step 1: Keep rows where amount > 0");
  await expect(stagingArea(other).getByText("No files staged yet.")).toBeVisible();
  await dialog.getByRole("button", { name: "Open it" }).click();
  await expectCounts(other, "4 rows in = 2 valid after steps + 2 rejected");
  await expect.poll(() => rowTexts(other, "Final data", 2)).toEqual(["1", "north", "10"]);
  await expect.poll(() => rowTexts(other, "Final data", 3)).toEqual(["3", "north", "7"]);
  expect(new URL(other.url()).hash).toBe("");
});

test("a link with a source URL fetches it after consent; a server that refuses CORS is explained", async ({ page, browser }) => {
  await buildRecipe(page);
  const link = await makeLink(page, { url: `${origin}/cors/sales.csv` });
  const other = await openFresh(browser, link);
  const dialog = other.getByRole("dialog", { name: "Open a shared recipe?" });
  await expect(dialog.getByText(new URL(origin).host, { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "Open it" }).click();
  await expectCounts(other, "4 rows in = 2 valid after steps + 2 rejected");

  await page.getByLabel("Where the data lives (optional http/https URL)").fill(`${origin}/private/sales.csv`);
  const refused = await openFresh(browser, await makeLink(page, {}));
  await refused.getByRole("dialog", { name: "Open a shared recipe?" }).getByRole("button", { name: "Open it" }).click();
  await expect(refused.getByRole("alertdialog")).toContainText("does not let other sites read the file (CORS)");
  await expect(stagingArea(refused).getByText("No files staged yet.")).toBeVisible();
});

test("hostile links are refused with the reason: SQL leaving its place, broken compression, a huge payload", async ({ page }) => {
  await openApp(page);
  const encode = (doc: unknown) => {
    const bytes = deflateSync(strToU8(JSON.stringify(doc)));
    return "#share=" + Buffer.from(bytes).toString("base64url");
  };
  const reason = async (fragment: string) => {
    await page.goto(`/${fragment}`);
    const dialog = page.getByRole("alertdialog", { name: "This share link cannot be opened" });
    await expect(dialog).toBeVisible();
    return dialog.textContent();
  };
  // SQL that reads a URL is refused by DuckDB's binder on the consent screen (hostile-recipes.spec.ts).
  const escaping = { version: 1, steps: [{ kind: "filter", where: `1=1) UNION ALL SELECT * FROM read_csv('${origin}/cors/x.csv') WHERE (1=1` }] };
  expect(await reason(encode({ v: 1, recipe: escaping }))).toMatch(/step 1 is refused: A \) closes a parenthesis/);
  expect(await reason(encode({ v: 1, recipe: { version: 1, sql: `SELECT 1; SELECT * FROM '${origin}/cors/x.csv'` } }))).toMatch(/one query/);
  expect(await reason("#share=" + "A".repeat(200))).toMatch(/damaged or truncated/);
  const noise = Array.from({ length: 90_000 }, () => Math.random().toString(36).slice(2)).join("");
  expect(await reason(encode({ v: 1, recipe: { version: 1 }, inline: [{ name: "big.csv", text: noise }] }))).toMatch(/too large/);
  expect(await reason(encode({ v: 1, recipe: { version: 1 }, inline: [{ name: "<img src=x onerror=alert(1)>.csv", text: "a" }] }))).toMatch(/may not hold </);
  await expect(page.locator("img")).toHaveCount(0);
});

test("Export as SQL writes a DuckDB script whose output equals what the browser promoted", async ({ page }) => {
  await buildRecipe(page);
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows");
  const parquetDownload = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: "Download sales v1 as Parquet" }).click();
  const promoted = (await (await parquetDownload).path())!;
  await openStep(page, "Promote");
  const scriptDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export as SQL" }).click();
  const script = await readFile((await (await scriptDownload).path())!, "utf8");

  // Playwright's own output folder for this test: cleared before each run, not left in /tmp.
  const dir = test.info().outputPath("export-sql");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "sales.csv"), SALES);
  const local = script.replaceAll("'sales.csv'", `'${join(dir, "sales.csv")}'`).replaceAll("'sales-", `'${join(dir, "sales-")}`);
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(local);
  const rows = async (path: string) => (await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}') ORDER BY ALL`)).getRowObjectsJson();
  expect(await rows(join(dir, "sales-final.parquet"))).toEqual(await rows(promoted));
  expect((await rows(promoted)).length).toBe(2);
});
