import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { expect, test } from "./support/test";
import { addFiles, openApp, openAppWithDuckDbHeld, recordStatusTexts, rowTexts, stagedGrid, stagedItem, statusTexts } from "./support/app";
import { parquet, xlsx } from "./support/files";

// A JSON or NDJSON file showed nothing until all of it was parsed and loaded; a CSV file's first rows show at once.
for (const [name, content] of <[string, string][]>[
  ["orders.json", `[{"id": 1, "customer": {"name": "Ada"}, "total": 9.5}, {"id": 2, "customer": null, "total": 12}, ${Array.from({ length: 30 }, (_, i) => `{"id": ${i + 3}, "total": 1}`).join(", ")}]`],
  ["orders.ndjson", `{"id": 1, "customer": {"name": "Ada"}, "total": 9.5}\n{"id": 2, "customer": null, "total": 12}\n${Array.from({ length: 30 }, (_, i) => `{"id": ${i + 3}, "total": 1}`).join("\n")}\n`],
]) {
  test(`${name} dropped while the engine starts shows its first records at once, nested values as their JSON`, async ({ page }) => {
    const { release } = await openAppWithDuckDbHeld(page);
    await addFiles(page, [{ name, content }]);
    const head = page.getByRole("region", { name: `First rows of ${name}` });
    await expect(head.getByRole("columnheader")).toHaveText(["id", "customer", "total"]);
    await expect(head.getByRole("row").nth(1).getByRole("cell")).toHaveText(["1", '{"name":"Ada"}', "9.5"]);
    await expect(head.getByRole("row")).toHaveCount(21);
    // Parsed, its records wait for DuckDB, and the status says so.
    await expect(page.getByRole("status").filter({ hasText: `Staging ${name} — Loading rows into DuckDB` })).toBeVisible();
    release();
    await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "33", { timeout: 30_000 });
    await expect(head).toHaveCount(0);
    await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[0]).toBe("1");
  });
}

// A Parquet file showed nothing until all of its batches were loaded into DuckDB.
test("a Parquet file dropped while the engine starts shows its first rows at once, as DuckDB will show them", async ({ page }) => {
  const content = await parquet(
    `SELECT range AS id, {'name': 'Ada'} AS customer, DATE '2024-01-02' + range::INT AS day, range * 1.5 AS total, range % 3 = 0 AS open FROM range(200000)`,
  );
  const { release } = await openAppWithDuckDbHeld(page);
  await addFiles(page, [{ name: "orders.parquet", content, mimeType: "application/vnd.apache.parquet" }]);
  const head = page.getByRole("region", { name: "First rows of orders.parquet" });
  await expect(head.getByRole("columnheader")).toHaveText(["id", "customer", "day", "total", "open"]);
  await expect(head.getByRole("row").nth(2).getByRole("cell")).toHaveText(["1", '{"name":"Ada"}', "2024-01-03", "1.5", "false"]);
  await expect(head.getByRole("row")).toHaveCount(21);
  release();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "200001", { timeout: 30_000 });
  await expect(head).toHaveCount(0);
  const staged = await rowTexts(page, "Staged data", 3);
  expect([staged[0], staged.at(-3), staged.at(-2), staged.at(-1)]).toEqual(["1", "2024-01-03", "1.5", "false"]);
});

// An Arrow (Feather) file showed nothing until all of its batches were loaded into DuckDB.
test("an Arrow file compressed with LZ4 dropped while the engine starts shows its first batch's rows at once", async ({ page }) => {
  const content = readFileSync(new URL("../test/fixtures/arrow/lz4.arrow", import.meta.url));
  const { release } = await openAppWithDuckDbHeld(page);
  await addFiles(page, [{ name: "batches.feather", content, mimeType: "application/vnd.apache.arrow.file" }]);
  const head = page.getByRole("region", { name: "First rows of batches.feather" });
  await expect(head.getByRole("row")).toHaveCount(21);
  await expect(head.getByRole("row").nth(1).getByRole("cell")).toHaveText(["42", "foo"]);
  release();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "61", { timeout: 30_000 });
  await expect(head).toHaveCount(0);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["42", "foo"]);
});

// An Excel workbook showed nothing until the whole sheet was parsed (a sheet of a million rows: 20 s).
test("an Excel workbook dropped while the engine starts shows its sheet's first rows at once, below its title, as they will stage", async ({ page }) => {
  const rows = Array.from({ length: 5000 }, (_, i) => [i + 1, `person ${i + 1}`, new Date(Date.UTC(2024, 0, 1 + (i % 300))), { value: 2134 + i, type: Number, format: "00000" }]);
  const content = await xlsx([{ sheet: "Cover", rows: [["Quarterly report"]] }, { sheet: "People", rows: [["People, 2024"], [], ["id", "name", "joined", "zip"], ...rows] }]);
  const { release } = await openAppWithDuckDbHeld(page);
  await addFiles(page, [{ name: "people.xlsx", content, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  const head = page.getByRole("region", { name: "First rows of people.xlsx" });
  await expect(head.getByRole("columnheader")).toHaveText(["id", "name", "joined", "zip"]);
  await expect(head.getByRole("row").nth(2).getByRole("cell")).toHaveText(["2", "person 2", "2024-01-02", "02135"]);
  await expect(head.getByRole("row")).toHaveCount(21);
  release();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "5001", { timeout: 30_000 });
  await expect(head).toHaveCount(0);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "person 2", "2024-01-02", "02135"]);
});

// A workbook's status said "Reading into DuckDB" all the while its sheet was parsed, before DuckDB had anything. The
// app's own scan of a sheet reads 120,000 rows faster than the status is drawn; a sheet whose elements carry a
// namespace prefix, as the Open XML SDK writes them, is left to read-excel-file, which takes seconds for it.
test("a big workbook's status says how many of its sheet's rows are read, then that DuckDB reads them", async ({ page }) => {
  const rows = Array.from({ length: 120_000 }, (_, i) => [i + 1, `person ${i + 1}`, i * 1.5]);
  const parts = unzipSync(new Uint8Array(await xlsx([{ sheet: "Rows", rows: [["id", "name", "amount"], ...rows] }])));
  // The sheet's range, as Excel writes it before its rows; its elements with the prefix x.
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!)
    .replace("<sheetData", '<dimension ref="A1:C120001"/><sheetData')
    .replace(/<(\/?)(sheetData|dimension|row|c|v)\b/g, "<$1x:$2")
    .replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
  const content = Buffer.from(zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(sheet) }));
  await openApp(page);
  await recordStatusTexts(page);
  await addFiles(page, [{ name: "rows.xlsx", content, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  await expect(stagedItem(page, "rows.xlsx")).toContainText("120,000 rows", { timeout: 60_000 });
  const said = await statusTexts(page);
  const sheetRead = said.findIndex((text) => /Staging rows\.xlsx — Reading the sheet: [\d,]+ rows of 120,001 rows \(\d+%\)/.test(text));
  expect(sheetRead).toBeGreaterThanOrEqual(0);
  expect(said.findLastIndex((text) => text.includes("Staging rows.xlsx — Reading into DuckDB"))).toBeGreaterThan(sheetRead);
});
