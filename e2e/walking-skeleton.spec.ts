import { readFile } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import { expect, test } from "./support/test";
import { recordSupport } from "./browsers/support-record";
import { addFiles, destination, openApp, rowTexts, stagedGrid, stagingArea } from "./support/app";

const PEOPLE_CSV = [
  "id,name,amount,joined",
  "1,Ada,12.5,2024-01-02",
  '2,"Lovelace, Ada",3,2024-02-03',
  "3,Émile,-4.25,",
  "",
].join("\n");

test("stage a CSV, preview it, keep it across reloads, promote it and download it", async ({ page, baseURL, browser }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!) && !/^(blob|data):/.test(request.url())) foreign.push(request.url());
  });
  await openApp(page);
  // Every storage feature is there: no note (README's browser support table takes this run's version).
  await expect(page.getByRole("note")).toHaveCount(0);
  recordSupport("chromium", { browser: "Chromium", version: browser.version(), storageNote: null });
  await addFiles(page, [{ name: "people.csv", content: PEOPLE_CSV }]);

  await expect(stagingArea(page).getByText("people.csv")).toBeVisible();
  const grid = stagedGrid(page);
  await expect(grid).toHaveAttribute("aria-rowcount", "4");
  await expect(grid.getByRole("columnheader")).toHaveText(["id", "name", "amount", "joined"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Lovelace, Ada", "3.0", "2024-02-03"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "Émile", "-4.25", ""]);

  await page.reload();
  await expect(stagingArea(page).getByText("people.csv")).toBeVisible();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Ada", "12.5", "2024-01-02"]);

  await page.getByRole("button", { name: "Promote" }).click();
  const dataset = destination(page).getByRole("listitem").filter({ hasText: "people" });
  await expect(dataset).toContainText("3 rows");

  await page.reload();
  await expect(destination(page).getByRole("listitem").filter({ hasText: "people" })).toContainText("3 rows");

  const csvDownload = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: /^Download people v1 as CSV/ }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe("people-v1.csv");
  expect(await readFile((await csv.path())!, "utf8")).toBe(
    'id,name,amount,joined\r\n1,Ada,12.5,2024-01-02\r\n2,"Lovelace, Ada",3.0,2024-02-03\r\n3,Émile,-4.25,\r\n',
  );

  const parquetDownload = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: /^Download people v1 as Parquet/ }).click();
  const parquetPath = (await (await parquetDownload).path())!;
  const duck = await (await DuckDBInstance.create(":memory:")).connect();
  const read = await duck.runAndReadAll(
    `SELECT id, name, amount, CAST(joined AS VARCHAR) AS joined, typeof(id) AS t_id, typeof(amount) AS t_amount, typeof(joined) AS t_joined
     FROM read_parquet('${parquetPath}') ORDER BY id`,
  );
  expect(read.getRowObjectsJson()).toEqual([
    { id: "1", name: "Ada", amount: 12.5, joined: "2024-01-02", t_id: "BIGINT", t_amount: "DOUBLE", t_joined: "DATE" },
    { id: "2", name: "Lovelace, Ada", amount: 3, joined: "2024-02-03", t_id: "BIGINT", t_amount: "DOUBLE", t_joined: "DATE" },
    { id: "3", name: "Émile", amount: -4.25, joined: null, t_id: "BIGINT", t_amount: "DOUBLE", t_joined: "DATE" },
  ]);
  expect(foreign, "the page asks no host but its own").toEqual([]);
});
