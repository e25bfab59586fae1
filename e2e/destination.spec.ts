import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { addFiles, destination, downloadBy, openApp, reread, stagedGrid, stagingArea } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

const PEOPLE = "id,name,joined\n1,Ada,2024-01-02\n2,Bo,2024-02-03\n3,Cy,\n";
const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

const download = (page: Page, name: string | RegExp) => downloadBy(page, () => destination(page).getByRole("button", { name }).click());

async function opfsFiles(page: Page, dataset: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    const dir = await (await root.getDirectoryHandle("datasets")).getDirectoryHandle(name);
    const names: string[] = [];
    for await (const [n] of (dir as unknown as { entries(): AsyncIterable<[string, unknown]> }).entries()) names.push(n);
    return names.sort();
  }, dataset);
}

test("two promotions make two versions whose manifests carry the lineage; every format downloads; versions compare and delete", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE }]);
  await expectCounts(page, "3 rows in");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 3 rows");

  await addRule(page, "Required (not empty)", { Column: "joined" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v2 · 2 rows · 2 versions");

  const manifest = JSON.parse((await download(page, "Download people v2 manifest")).toString("utf8"));
  const parquet = await download(page, "Download people v2 as Parquet");
  expect(manifest).toMatchObject({
    name: "people",
    version: 2,
    rows: { in: 3, valid: 2, rejected: 1, promoted: 2 },
    sqlStage: null,
    sources: [{ name: "people.csv", sha256: sha256(PEOPLE), size: Buffer.byteLength(PEOPLE) }],
    schema: [
      { name: "id", type: "BIGINT" },
      { name: "name", type: "VARCHAR" },
      { name: "joined", type: "DATE" },
    ],
    data: { file: "v2.parquet", format: "parquet", compression: "zstd", size: parquet.length, sha256: sha256(parquet) },
  });
  expect(manifest.recipe.rules).toHaveLength(1);
  expect(manifest.recipeSha256).toBe(sha256(JSON.stringify(manifest.recipe)));

  const ndjson = (await download(page, "Download people v2 as NDJSON")).toString("utf8");
  expect(ndjson.trimEnd().split("\n").map((l) => JSON.parse(l))).toEqual([
    { id: 1, name: "Ada", joined: "2024-01-02" },
    { id: 2, name: "Bo", joined: "2024-02-03" },
  ]);
  const csv = (await download(page, "Download people v2 as CSV")).toString("utf8");
  expect(csv).toBe("id,name,joined\r\n1,Ada,2024-01-02\r\n2,Bo,2024-02-03\r\n");

  // Progress arrives on its own port and can trail the download: it must not bring the finished status back.
  await expect(destination(page).getByRole("status")).toHaveCount(0);

  const duck = await (await DuckDBInstance.create(":memory:")).connect();
  const path = test.info().outputPath("v2.parquet");
  await writeFile(path, parquet);
  expect((await duck.runAndReadAll(`SELECT id::INT AS id, name FROM read_parquet('${path}') ORDER BY id`)).getRowObjectsJson()).toEqual([
    { id: 1, name: "Ada" },
    { id: 2, name: "Bo" },
  ]);

  await destination(page).getByText("Versions of people").click();
  await destination(page).getByRole("button", { name: "Compare v2 with v1" }).click();
  await expect(destination(page).getByRole("status")).toContainText("Rows: 3 → 2; 1 row only in v1, 0 rows only in v2.");
  await expect(destination(page).getByRole("status")).toContainText("Columns: no changes.");

  await destination(page).getByRole("button", { name: "Open people v1" }).click();
  await expect(page.getByRole("grid", { name: "Dataset people v1" })).toHaveAttribute("aria-rowcount", "4");

  await destination(page).getByRole("button", { name: "Delete people v2" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 3 rows · 1 version");
  expect(await opfsFiles(page, "people")).toEqual(["v1.datapackage.json", "v1.manifest.json", "v1.parquet"]);
});

test("a cancelled promotion and a worker killed mid-promotion leave the previous version intact and nothing half-written", async ({ page }) => {
  await openApp(page, { testHooks: true });
  await addFiles(page, [{ name: "small.csv", content: "id,v\n1,a\n2,b\n" }]);
  await expectCounts(page, "2 rows in");
  await page.getByLabel("Dataset name").fill("stable");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows");

  const rows = Array.from({ length: 400_000 }, (_, i) => `${i},value number ${i} with some padding text`);
  await addFiles(page, [{ name: "big.csv", content: `id,v\n${rows.join("\n")}\n` }]);
  await expectCounts(page, "400,000 rows in");
  await page.getByLabel("Dataset name").fill("stable");

  type Hooks = { stages: { killEngine(): void; engine: { holdPromotion(at: "writing" | "commit"): Promise<void> } } };
  const hold = (at: "writing" | "commit") => page.evaluate((where) => (window as unknown as Hooks).stages.engine.holdPromotion(where), at);

  // Cancelled while it writes its Parquet file (held there, so the test does not race a fast promotion).
  const writing = hold("writing");
  await page.getByRole("button", { name: "Promote" }).click();
  await writing;
  await page.getByRole("button", { name: "Cancel promotion" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cancelled" })).toBeVisible();

  // Killed at the worst moment: its Parquet file and Data Package are in place, its manifest (the commit point) is not.
  const committing = hold("commit");
  await page.getByRole("button", { name: "Promote" }).click();
  await committing;
  expect(await opfsFiles(page, "stable")).toEqual(["v1.datapackage.json", "v1.manifest.json", "v1.parquet", "v2.datapackage.json", "v2.parquet"]);
  await page.evaluate(() => (window as unknown as Hooks).stages.killEngine());
  await expect(page.getByRole("alert").filter({ hasText: "The engine stopped" }).first()).toBeVisible();

  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(stagingArea(page).getByText("big.csv")).toBeVisible();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows · 1 version");
  await expect.poll(() => opfsFiles(page, "stable")).toEqual(["v1.datapackage.json", "v1.manifest.json", "v1.parquet"]);
  const csv = await download(page, "Download stable v1 as CSV");
  expect(csv.toString("utf8")).toBe("id,v\r\n1,a\r\n2,b\r\n");
});

test("a long download says how far it is, and can be cancelled", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 600_000 }, (_, i) => `${i},row ${i} of a dataset long enough to take a while`);
  await addFiles(page, [{ name: "long.csv", content: `id,text\n${rows.join("\n")}\n` }]);
  await expectCounts(page, "600,000 rows in");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 600,000 rows");

  // NDJSON is written from JavaScript, batch by batch: long enough here to watch and cancel. (CSV is written by
  // DuckDB itself, about eight times faster: 600,000 rows take well under a second.)
  await destination(page).getByRole("button", { name: "Download long v1 as NDJSON" }).click();
  const status = destination(page).getByRole("status").filter({ hasText: "Preparing long v1 as NDJSON" });
  await expect(status).toContainText(/Writing NDJSON: [\d,]+ rows of 600,000 rows/);
  await status.getByRole("button", { name: "Cancel download" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cancelled" })).toBeVisible();
  await expect(status).toHaveCount(0);
  // Nothing half-written is left in the download scratch space.
  await expect.poll(() => page.evaluate(async () => {
    type Dir = FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> };
    const files: string[] = [];
    const walk = async (dir: Dir): Promise<void> => {
      for await (const entry of dir.values()) entry.kind === "file" ? files.push(entry.name) : await walk(entry as Dir);
    };
    await walk((await (await navigator.storage.getDirectory()).getDirectoryHandle("exports", { create: true })) as Dir);
    return files;
  })).toEqual([]);
});

test("two tabs promoting to the same name at once make two well-formed versions, and each tab sees both", async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  await openApp(one);
  await addFiles(one, [{ name: "shared.csv", content: PEOPLE }]);
  await expectCounts(one, "3 rows in");
  await openApp(two);
  await expect(stagingArea(two).getByText("shared.csv")).toBeVisible();
  await expectCounts(two, "3 rows in");

  await Promise.all([one.getByRole("button", { name: "Promote" }).click(), two.getByRole("button", { name: "Promote" }).click()]);
  for (const page of [one, two]) {
    await expect(destination(page).getByRole("listitem").first()).toContainText("v2 · 3 rows · 2 versions");
  }
  await destination(one).getByText("Versions of shared").click();
  for (const version of [1, 2]) {
    const item = destination(one).getByRole("listitem", { name: `shared v${version}` });
    await item.getByRole("button", { name: `Manifest of shared v${version}` }).click();
    const manifest = JSON.parse((await item.locator("pre").textContent())!);
    expect(manifest).toMatchObject({ name: "shared", version, rows: { in: 3, valid: 3, rejected: 0, promoted: 3 } });
    await item.getByRole("button", { name: `Open shared v${version}` }).click();
    await expect(one.getByRole("grid", { name: `Dataset shared v${version}` })).toHaveAttribute("aria-rowcount", "4");
  }
  expect(await opfsFiles(one, "shared")).toEqual(["v1.datapackage.json", "v1.manifest.json", "v1.parquet", "v2.datapackage.json", "v2.manifest.json", "v2.parquet"]);
});

test("a JSON file's lists and objects, kept as one column, are promoted as they are and download as JSON in NDJSON", async ({ page }) => {
  await openApp(page);
  const records = [
    { id: 1, tags: ["a", "b"], geo: { lat: 1.5, lon: 2 }, code: 7 },
    { id: 2, tags: [], geo: null, code: "B-12" },
  ];
  await addFiles(page, [{ name: "places.json", content: JSON.stringify(records) }]);
  await expectCounts(page, "2 rows in");
  // Objects are read as a column per field unless the read keeps them as one column.
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "tags", "geo.lat", "geo.lon", "code"]);
  await reread(page, { "Nested objects": "keep" });
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "tags", "geo", "code"]);
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows");
  const ndjson = (await download(page, "Download places v1 as NDJSON")).toString("utf8");
  expect(ndjson.trimEnd().split("\n").map((l) => JSON.parse(l))).toEqual([
    { id: 1, tags: ["a", "b"], geo: { lat: 1.5, lon: 2 }, code: "7" },
    { id: 2, tags: [], geo: null, code: "B-12" },
  ]);
});
