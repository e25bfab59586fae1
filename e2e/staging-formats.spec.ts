import { readFile, writeFile } from "node:fs/promises";
import { type Page } from "@playwright/test";
import { appTest, expect, test } from "./support/test";
import { addFiles, destination, openApp, openAppWithDuckDbHeld, openParsePanel, openStep, parsePanel, reread, rowTexts, stagedGrid, stagingArea } from "./support/app";
import { encode, gzip, parquet, xlsx } from "./support/files";
import { expectCounts } from "./support/recipe";

/** Stage one file and wait until it has been read (or could not be). */
async function stage(page: Page, name: string, content: string | Buffer) {
  await addFiles(page, [{ name, content, mimeType: "application/octet-stream" }]);
  const item = stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });
  await expect(item).toContainText(/\d rows?|could not be read/);
  await expect(item.getByRole("button", { name, exact: true })).toHaveAttribute("aria-pressed", "true");
  await openStep(page, "Stage");
}

async function expectTable(page: Page, headers: string[], firstRow: string[]) {
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(headers);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(firstRow);
}

appTest("every format stages with the right cells: delimited text, JSON, NDJSON, Parquet, Excel, gzip", async ({ page }) => {
  await openApp(page);
  await stage(page, "semi.csv", "id;name\n1;Ada\n2;Bo\n");
  await expectTable(page, ["id", "name"], ["1", "Ada"]);
  await stage(page, "cities.tsv", "id\tcity\tzip\n1\tÅre\t01234\n");
  await expectTable(page, ["id", "city", "zip"], ["1", "Åre", "01234"]);
  await stage(page, "list.json", '[{"zeta": 1, "alpha": "x", "tags": [1, 2]}, {"zeta": 2, "alpha": null, "tags": []}]');
  await expectTable(page, ["zeta", "alpha", "tags"], ["1", "x", "[1, 2]"]);
  // An API's response: the rows are its one list of objects, and the file says what is not read.
  await stage(page, "api.json", '{"data": [{"id": 7, "name": "Ada"}, {"id": 8, "name": "Bo"}], "meta": {"count": 2}}');
  await expectTable(page, ["id", "name"], ["7", "Ada"]);
  await expect(parsePanel(page).getByText("Rows are the list of objects under “data”, the file's only one; “meta” is not read.")).toBeAttached();
  await stage(page, "events.ndjson", '{"b": 2, "a": "first"}\n{"b": 3, "a": "second"}\n');
  await expectTable(page, ["b", "a"], ["2", "first"]);
  await stage(page, "nested.parquet", await parquet("SELECT 1 AS id, 'Ada' AS name, DATE '2024-01-02' AS d, [1, 2] AS l, {'k': 7} AS s"));
  // Its struct is spread into a column per field (regression/parquet-structs.spec.ts); its list stays one column.
  await expectTable(page, ["id", "name", "d", "l", "s.k"], ["1", "Ada", "2024-01-02", "[1, 2]", "7"]);
  await stage(page, "sales.csv.gz", gzip("region,amount\nnorth,10\nsouth,5\n"));
  await expectTable(page, ["region", "amount"], ["north", "10"]);

  const book = await xlsx([
    { sheet: "Summary", rows: [["Total"], [3]] },
    { sheet: "Data", rows: [["Quarterly report"], ["id", "name", "joined"], [1, "Ada", new Date("2024-01-02")], [null, null, null], [2, "Bo", new Date("2024-02-03")]] },
  ]);
  // A first sheet of a few values in one column (a summary, a cover) holds no table: the largest other sheet is read
  // (regression/cover-sheet.spec.ts). A title row above its table is found, as a CSV's title lines are: the names are
  // in row 2. An empty row is no row.
  await stage(page, "book.xlsx", book);
  await expectTable(page, ["id", "name", "joined"], ["1", "Ada", "2024-01-02"]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "3");
  await expect(parsePanel(page).getByLabel("Row with the column names", { exact: true })).toHaveValue("2");
  // A row the user chooses holds the names, whatever it looks like.
  await reread(page, { "Row with the column names": "3" });
  await expectTable(page, ["1", "Ada", "2024-01-02"], ["2", "Bo", "2024-02-03"]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "2");
  // Another sheet is read from its own first row again, not from the row chosen on this one.
  await reread(page, { Sheet: "Summary" });
  await expectTable(page, ["Total"], ["3"]);
});

test("a workbook's other sheets (a sheet a month) stage each as its own file, its title rows found; an empty sheet is left out", async ({ page }) => {
  await openApp(page);
  const month = (name: string, n: number) => ({ sheet: name, rows: [[`Sales ${name}`], ["day", "amount"], ...Array.from({ length: n }, (_, i) => [i + 1, 10 * (i + 1)])] });
  const book = await xlsx([month("Jan", 3), month("Feb", 4), { sheet: "Empty", rows: [[null]] }, month("Mar", 5)]);
  await stage(page, "sales.xlsx", book);
  await expectTable(page, ["day", "amount"], ["1", "10"]);
  await (await openParsePanel(page)).getByRole("button", { name: "Stage the other sheets, each as its own file" }).click();
  const item = (name: string) => stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });
  await expect(item("sales-Feb.csv")).toContainText("4 rows");
  await expect(item("sales-Mar.csv")).toContainText("5 rows");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(3);
  await stagingArea(page).getByRole("button", { name: "sales-Mar.csv", exact: true }).click();
  await expectTable(page, ["day", "amount"], ["1", "10"]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "6");
  // Its version's lineage names the workbook it was cut from, by its checksum, and the sheet.
  const workbookHash = /sha256 ([0-9a-f]{12})/.exec(await item("sales.xlsx").innerText())![1]!;
  await page.getByRole("button", { name: "Promote", exact: true }).click();
  await destination(page).getByText("Versions of sales-Mar").click();
  await expect(destination(page)).toContainText(`sheet “Mar” of sales.xlsx, sha256 ${workbookHash}`);
});

appTest("text encodings are detected or chosen, and every cell reaches the grid as the right characters", async ({ page }) => {
  await openApp(page);
  await stage(page, "utf16le.csv", encode("id,name\n1,Zoë\n", "utf-16le"));
  await expectTable(page, ["id", "name"], ["1", "Zoë"]);
  await stage(page, "utf16be.csv", encode("id,name\n1,Łukasz\n", "utf-16be"));
  await expectTable(page, ["id", "name"], ["1", "Łukasz"]);
  await stage(page, "bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id,name\n1,Ümit\n")]));
  await expectTable(page, ["id", "name"], ["1", "Ümit"]);
  await stage(page, "latin1.csv", encode("id,name\n1,café crème\n", "windows-1252"));
  await expectTable(page, ["id", "name"], ["1", "café crème"]);
  await expect(parsePanel(page).getByText(/^How latin1.csv is read: CSV, windows-1252/)).toBeVisible();

  // Shift_JIS (Japanese Excel's CSV) is told from Windows-1252 by the characters each makes of the bytes.
  await stage(page, "tokyo.csv", encode("id,city,note\n1,東京,しながわ\n2,大阪,うめだ\n", "shift_jis"));
  await expect(parsePanel(page).getByText(/^How tokyo.csv is read: CSV, shift_jis/)).toBeVisible();
  await expectTable(page, ["id", "city", "note"], ["1", "東京", "しながわ"]);
  // The user can still choose: read as Windows-1252, the sample beside it shows what that makes of it.
  await reread(page, { Encoding: "windows-1252" });
  await expect(parsePanel(page).getByText(/^How tokyo.csv is read: CSV, windows-1252/)).toBeVisible();
  await reread(page, { Encoding: "shift_jis" });
  await expectTable(page, ["id", "city", "note"], ["1", "東京", "しながわ"]);
  // UTF-8 with a line of Windows-1252 among it (files joined from two tools): each part read as what it is.
  await stage(page, "joined.csv", Buffer.concat([Buffer.from("id,name\n1,José\n", "utf8"), encode("2,Café\n", "windows-1252"), Buffer.from("3,東京\n", "utf8")]));
  await expect(parsePanel(page).getByText(/^How joined.csv is read: CSV, utf-8\+windows-1252/)).toBeVisible();
  await expectTable(page, ["id", "name"], ["1", "José"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Café"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "東京"]);
  await stage(page, "beijing.csv", encode("id,city\n1,北京\n", "gb18030"));
  await reread(page, { Encoding: "gb18030" });
  await expectTable(page, ["id", "city"], ["1", "北京"]);
});

appTest("lines that do not fit are set aside with their line numbers, counted and kept for download; stop reports them instead", async ({ page }) => {
  await openApp(page);
  const good = Array.from({ length: 30 }, (_, i) => `${i},${i * 2}`);
  await stage(page, "ragged.csv", ["a,b", ...good, "3,4,5", ...good.slice(0, 5), "8", ""].join("\n"));
  // Line 32 has a value too many and no mend fits; line 38 lacks its last value and is padded.
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "37");
  await expect(parsePanel(page).getByRole("status")).toContainText("1 line set aside, 1 repaired — review");
  await expect(parsePanel(page).getByRole("list", { name: "Lines set aside from ragged.csv" })).toContainText("3 values where the header has 2");
  await expect(parsePanel(page).getByRole("list", { name: "Lines repaired in ragged.csv" })).toContainText("Line 38: padded with 1 empty value");
  await expect(parsePanel(page)).toContainText("Lines: 38 lines = 36 in 36 rows + 1 header + 1 set aside.");
  const pending = page.waitForEvent("download");
  await parsePanel(page).getByRole("button", { name: "Download set-aside lines as CSV" }).click();
  const csv = await readFile((await (await pending).path())!, "utf8");
  expect(csv.split("\r\n").slice(0, 3)).toEqual(["line,status,reason,text", '32,set aside,3 values where the header has 2,"3,4,5"', "38,repaired,padded with 1 empty value,8"]);

  await reread(page, { "Bad lines": "stop" });
  await expect(page.getByRole("alert").filter({ hasText: "ragged.csv" })).toContainText("Line 32 does not fit");
  await expect(stagingArea(page).getByText("could not be read")).toBeVisible();
});

appTest("damaged gzip data fails with a clear message; an NDJSON file stages around its broken lines and fields of changing kinds", async ({ page }) => {
  await openApp(page);
  const damaged = Buffer.from(gzip("a,b\n" + Array.from({ length: 5000 }, (_, i) => `${i},${i}`).join("\n")));
  for (let i = 100; i < 200; i++) damaged[i]! ^= 0x5a;
  await addFiles(page, [{ name: "damaged.csv.gz", content: damaged, mimeType: "application/gzip" }]);
  await expect(page.getByRole("alert").filter({ hasText: "damaged.csv.gz" })).toContainText("gzip data is truncated or damaged");
  // "code" is a number, then text; "note" first appears on the third line; lines 2 and 4 are not objects.
  const lines = ['{"id": 1, "code": 7}', '{"id": 2', '{"id": 3, "code": "B-12", "note": "late"}', "[4]", '{"id": 5, "code": null}'];
  await addFiles(page, [{ name: "broken.ndjson", content: lines.join("\n") + "\n" }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "code", "note"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["3", "B-12", "late"]);
  await expect(parsePanel(page).getByRole("status")).toContainText("2 lines set aside");
  const pending = page.waitForEvent("download");
  await parsePanel(page).getByRole("button", { name: "Download set-aside lines as CSV" }).click();
  const csv = await readFile((await (await pending).path())!, "utf8");
  expect(csv.split("\r\n").slice(1, 3).map((row) => row.split(",").slice(0, 2).join(","))).toEqual(["2,set aside", "4,set aside"]);
  expect(csv).toContain("a JSON array, not an object");
  await reread(page, { "Bad lines": "stop" });
  await expect(page.getByRole("alert").filter({ hasText: "broken.ndjson" })).toContainText("Line 2 is not valid JSON");
});

appTest("a JSON field of numbers with one string among them is found by its record, and its rule and convert step are offered", async ({ page }) => {
  await openApp(page);
  const records = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, price: i === 13 ? "N/A" : (i + 1) * 1.5 }));
  await addFiles(page, [{ name: "prices.json", content: JSON.stringify(records) }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "prices.json" })).toContainText("20 rows");
  await expect(parsePanel(page).getByRole("status")).toHaveText("1 column read as text — review");
  await expect(parsePanel(page).getByText(/Column price: 1 value did not fit DOUBLE \(record 14: “N\/A”\)/)).toBeVisible();
  await page.getByRole("button", { name: 'Add rule: "price" must be a number' }).click();
  await expectCounts(page, "20 rows in = 19 valid after steps + 1 rejected");
  await page.getByRole("button", { name: "Convert price to DOUBLE in the final data" }).click();
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Final data", 2)).toEqual(["1", "1.5"]);
});

appTest("a sheet's column of numbers with a TBD among them is found by its row, and reads as numbers once TBD is read as empty", async ({ page }) => {
  await openApp(page);
  const rows: unknown[][] = [["id", "amount"], ...Array.from({ length: 20 }, (_, i) => [i + 1, i === 12 ? "TBD" : (i + 1) * 10.25])];
  await addFiles(page, [{ name: "budget.xlsx", content: await xlsx([{ sheet: "Data", rows }]), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "budget.xlsx" })).toContainText("20 rows");
  await expect(parsePanel(page).getByText(/Column amount: 1 value did not fit DOUBLE \(row 14: “TBD”\)/)).toBeVisible();
  await page.getByRole("button", { name: "Read “TBD” as empty in every column" }).click();
  await expect(page.getByRole("list", { name: "Columns of budget.xlsx" })).toContainText("amount DOUBLE");
  await expect(parsePanel(page).getByText(/did not fit/)).toHaveCount(0);
});

appTest("a sheet's amounts written as text and its N/A are read as numbers and empty, and said so, as a CSV file's are", async ({ page }) => {
  await openApp(page);
  const rows: unknown[][] = [["code", "amount", "price"], ...Array.from({ length: 12 }, (_, i) => [`00${i + 10}`, i === 4 ? "N/A" : (i + 1) * 2.5, `$${i + 1},250.00`])];
  await addFiles(page, [{ name: "prices.xlsx", content: await xlsx([{ sheet: "Data", rows }]), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "prices.xlsx" })).toContainText("12 rows");
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Read with missing-value markers", { exact: false })).toContainText("amount");
  await expect(panel.getByText("Read as numbers:", { exact: false })).toContainText("price");
  await expect(page.getByRole("list", { name: "Columns of prices.xlsx" })).toContainText("amount DOUBLE");
});

test("duplicates are flagged; files are deleted one by one or all at once; the audit log records the flow", async ({ page }) => {
  await openApp(page);
  await stage(page, "a.csv", "x\n1\n2\n");
  await stage(page, "copy of a.csv", "x\n1\n2\n");
  await expect(page.getByRole("status").filter({ hasText: "copy of a.csv has the same content as a.csv" })).toBeVisible();
  await expect(parsePanel(page)).toContainText("Same content as a.csv");

  await page.getByRole("button", { name: "Promote" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Promoted copy_of_a v1" })).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Remove copy of a.csv from staging" }).click();
  await expect(stagingArea(page).getByText("copy of a.csv")).toHaveCount(0);

  await stage(page, "b.csv", "y\n3\n");
  await stagingArea(page).getByRole("button", { name: "Clear staging" }).click();
  await stagingArea(page).getByRole("button", { name: "Remove all" }).click();
  await expect(stagingArea(page).getByText("No files staged yet.")).toBeVisible();
  await page.reload();
  await expect(stagingArea(page).getByText("No files staged yet.")).toBeVisible();

  await page.getByText("Audit log", { exact: true }).click();
  await expect(page.getByRole("list", { name: "Audit events" }).getByRole("listitem").first()).toContainText("delete-file");
  const pending = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export audit log as NDJSON" }).click();
  const events = (await readFile((await (await pending).path())!, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l));
  const kinds = events.map((e) => `${e.kind} ${e.file ?? e.dataset ?? ""}`.trim());
  const main = kinds.filter((k) => !k.startsWith("validate"));
  expect(main.slice(0, -2)).toEqual([
    "add a.csv",
    "read a.csv",
    "add copy of a.csv",
    "read copy of a.csv",
    "promote copy of a.csv",
    "delete-file copy of a.csv",
    "add b.csv",
    "read b.csv",
  ]);
  // Clearing staging removes the files in parallel.
  expect(main.slice(-2).sort()).toEqual(["delete-file a.csv", "delete-file b.csv"]);
  expect(events.find((e) => e.kind === "promote")).toMatchObject({ dataset: "copy_of_a", version: 1, counts: { in: 2, promoted: 2, rejected: 0 } });
  expect(events.filter((e) => e.kind === "validate").length).toBeGreaterThan(0);
  expect(events.every((e) => typeof e.at === "string" && e.seq > 0)).toBe(true);
});

appTest("dates whose day/month order is ambiguous are flagged, and the user picks; ISO dates are not", async ({ page }) => {
  await openApp(page);
  await stage(page, "when.csv", "id,when\n1,03/04/2024\n2,05/06/2024\n");
  const flag = parsePanel(page).getByRole("alert");
  await expect(flag).toContainText("Dates in when could be day/month or month/day");
  const dayFirst = (await flag.textContent())!.includes("read as %d/%m/%Y");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", dayFirst ? "2024-04-03" : "2024-03-04"]);

  await flag.getByRole("button", { name: /^Read dates as/ }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", dayFirst ? "2024-03-04" : "2024-04-03"]);
  await expect(parsePanel(page).getByRole("alert")).toHaveCount(0);
  await expect(parsePanel(page).getByLabel("Date format", { exact: true })).toHaveValue(dayFirst ? "%m/%d/%Y" : "%d/%m/%Y");

  // ISO dates are year, month, day even when every day is 12 or less: no question.
  await stage(page, "monthly.csv", "month,total\n2024-01-01,5\n2024-02-01,7\n");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2024-01-01", "5"]);
  await expect(parsePanel(page).getByRole("alert")).toHaveCount(0);
});

appTest("a big file shows its first rows at once, as written below its title lines, while the whole file is read", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 2_500_000 }, (_, i) => `${i},"name ${i}",${(i * 0.25).toFixed(2)}`);
  // Over Playwright's 50 MB limit for in-memory files: handed over as a file on disk.
  const path = test.info().outputPath("big.csv");
  await writeFile(path, `Orders export\nGenerated by the shop, 2026-12-02\n\nid,name,amount\n${rows.join("\n")}\n`);
  await page.locator('input[type="file"]').setInputFiles(path);
  const head = page.getByRole("region", { name: "First rows of big.csv" });
  await expect(head.getByRole("columnheader")).toHaveText(["id", "name", "amount"]);
  await expect(head.getByRole("row").nth(1).getByRole("cell")).toHaveText(["0", "name 0", "0.00"]);
  await expect(head.getByRole("row")).toHaveCount(21);
  // Once read, the grid takes over with typed values.
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "2500001", { timeout: 60_000 });
  await expect(head).toHaveCount(0);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["0", "name 0", "0.0"]);
});

test("a file dropped while the engine starts shows its first rows at once, and stages once the engine is ready", async ({ page }) => {
  // DuckDB's wasm is held back until the file is in: the engine cannot be ready before it.
  const { release } = await openAppWithDuckDbHeld(page);
  await addFiles(page, [{ name: "early.csv", content: "id,name\n1,Ada\n2,Grace\n" }]);
  const head = page.getByRole("region", { name: "First rows of early.csv" });
  await expect(head.getByRole("columnheader")).toHaveText(["id", "name"]);
  await expect(head.getByRole("row").nth(2).getByRole("cell")).toHaveText(["2", "Grace"]);
  await expect(page.getByText("Starting the engine…")).toBeVisible();
  release();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "3");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Ada"]);
});
