import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { addFiles, destination, rowTexts, stagedGrid, stagingArea, testBuildUrl } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

// The build made for tests takes storage features away from its engine on request (workers/engine/switch-off.ts),
// as WebKit's private sessions, older Safari and locked-down browsers lack them.
const ORDERS = ["id,email,amount", "1,a@x.org,10", "2,,5", "3,c@x.org,7", ""].join("\n");

test("without OPFS, navigator.storage or Blobs in IndexedDB the app says so, and still stages, validates, promotes and downloads", async ({ page }) => {
  await page.goto(`${testBuildUrl()}?without=storage,blobs`);
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  const note = page.getByRole("note");
  await expect(note).toContainText("Limited storage");
  await expect(note).toContainText("DuckDB works in memory");
  await expect(note).toContainText("chunks of bytes");

  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");
  await addRule(page, "Required (not empty)", { Column: "email" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").filter({ hasText: "orders" })).toContainText("2 rows");

  const download = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: /^Download orders v1 as CSV/ }).click();
  expect(await readFile((await (await download).path())!, "utf8")).toBe("id,email,amount\r\n1,a@x.org,10\r\n3,c@x.org,7\r\n");

  // Kept in IndexedDB: the staged file's bytes (as chunks) and the dataset (in the stand-in for OPFS).
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(stagingArea(page).getByText("orders.csv")).toBeVisible();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "", "5"]);
  await expect(destination(page).getByRole("listitem").filter({ hasText: "orders" })).toContainText("2 rows");
});

// Regression: WebKitGTK with its file system features on writes OPFS files but refuses synchronous access handles,
// which DuckDB opens its database with: the engine did not start ("Backend does not support this operation").
test("with OPFS but no synchronous access to its files, DuckDB works in memory, says so, and a dataset promoted is kept", async ({ page }) => {
  await page.goto(`${testBuildUrl()}?without=synchandles`);
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  const note = page.getByRole("note");
  await expect(note).toContainText("DuckDB works in memory");
  await expect(note).not.toContainText("chunks of bytes");

  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").filter({ hasText: "orders" })).toContainText("3 rows");
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "", "5"]);
  await expect(destination(page).getByRole("listitem").filter({ hasText: "orders" })).toContainText("3 rows");
});

// Safari before 26 has OPFS with synchronous access handles in workers, but no writable streams: files are written
// through the access handles, text files under a temporary name then moved (workers/engine/file-handles.ts).
test("without writable streams, OPFS files are written through synchronous access: no storage note, and promotion, downloads and a reload work", async ({ page }) => {
  await page.goto(`${testBuildUrl()}?without=writables`);
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("note")).toHaveCount(0);

  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await addRule(page, "Required (not empty)", { Column: "email" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await page.getByRole("button", { name: "Promote" }).click();
  const dataset = destination(page).getByRole("listitem").filter({ hasText: "orders" });
  await expect(dataset).toContainText("2 rows");
  const download = async (format: string) => {
    const started = page.waitForEvent("download");
    await destination(page).getByRole("button", { name: new RegExp(`^Download orders v1 ${format}`) }).click();
    return readFile((await (await started).path())!);
  };
  expect((await download("as NDJSON")).toString("utf8")).toBe('{"id":1,"email":"a@x.org","amount":10}\n{"id":3,"email":"c@x.org","amount":7}\n');
  expect(JSON.parse((await download("manifest")).toString("utf8"))).toMatchObject({ name: "orders", version: 1, rows: { in: 3, rejected: 1, promoted: 2 } });
  expect((await download("as a Data Package")).subarray(0, 2).toString("latin1")).toBe("PK");

  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(dataset).toContainText("2 rows");
});

test("a browser with every storage feature shows no storage note", async ({ page }) => {
  await page.goto(testBuildUrl());
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("note")).toHaveCount(0);
});

test("where IndexedDB is refused (a page embedded from another site, third-party storage blocked), the app says so before a file is added, and staging says why it cannot", async ({ page }) => {
  await page.goto(`${testBuildUrl()}?without=indexeddb`);
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("note")).toContainText("No storage: this browser does not let this page keep anything");
  await addFiles(page, [{ name: "orders.csv", content: ORDERS }]);
  await expect(page.getByRole("alert").filter({ hasText: "orders.csv" })).toContainText("could not store this file");
});

test("the embedded importer says so too, inside the host's page", async ({ page }) => {
  const port = Number(process.env.STAGES_TEST_PORT ?? 3100);
  // The sub-path build lists the demo host's origin, so the importer opens without asking.
  await page.goto(`http://127.0.0.1:${port + 2}/?stages=${encodeURIComponent(`http://127.0.0.1:${port + 1}/stages`)}`);
  await page.evaluate((src) => {
    (document.querySelector("#importer") as HTMLIFrameElement).remove();
    const frame = document.createElement("iframe");
    frame.id = "blocked";
    frame.title = "blocked";
    document.body.append(frame);
    return import(`${location.origin}/client.js`).then(({ openImporter }) => openImporter(frame, { src, schema: { fields: [{ name: "email", type: "string" }] } }));
  }, `http://127.0.0.1:${port + 1}/stages/embed?without=indexeddb`);
  await expect(page.frameLocator("#blocked").getByRole("note")).toContainText("files cannot be staged here");
});
