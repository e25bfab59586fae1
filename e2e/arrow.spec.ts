import { readFileSync } from "node:fs";
import { Bool, DateDay, Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, TimestampMillisecond, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, openParsePanel, openStep, rowTexts, stagedItem } from "./support/app";

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/arrow/${name}`, import.meta.url));

// A Feather file (pyarrow's and R's default: buffers compressed with LZ4) was refused as "an Arrow IPC file, which Stages does not read".
test("an Arrow IPC file compressed with LZ4 and a ZSTD-compressed stream stage their rows and types", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "batches.feather", content: fixture("lz4.arrow"), mimeType: "application/vnd.apache.arrow.file" }]);
  await expect(stagedItem(page, "batches.feather")).toContainText("60 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["42", "foo"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["44", ""]);
  await expect((await openParsePanel(page)).getByText("How batches.feather is read: ARROW")).toBeVisible();
  await openStep(page, "Validate");
  for (const [column, type] of [["ints", "BIGINT"], ["strs", "VARCHAR"]]) await expect(page.getByRole("listitem", { name: `Profile of ${column}` })).toContainText(`${column} ${type}`);
  await addFiles(page, [{ name: "batches.arrows", content: fixture("zstd.arrows"), mimeType: "application/vnd.apache.arrow.stream" }]);
  await expect(stagedItem(page, "batches.arrows")).toContainText("60 rows");
});

test("an Arrow file as Arrow JS writes it: dates, timestamps, booleans, text with a null", async ({ page }) => {
  const schema = new Schema([new Field("id", new Int32()), new Field("name", new Utf8(), true), new Field("born", new DateDay()), new Field("seen", new TimestampMillisecond()), new Field("score", new Float64()), new Field("ok", new Bool())]);
  const columns = [
    vectorFromArray([1, 2], new Int32()),
    vectorFromArray(["Zoë", null], new Utf8()),
    vectorFromArray([new Date(Date.UTC(1990, 0, 15)), new Date(Date.UTC(2001, 11, 31))], new DateDay()),
    vectorFromArray([new Date(Date.UTC(2024, 2, 1, 13, 45, 30)), new Date(Date.UTC(2024, 2, 2, 8, 0, 0))], new TimestampMillisecond()),
    vectorFromArray([1.5, -2.25], new Float64()),
    vectorFromArray([true, false], new Bool()),
  ];
  const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 2, nullCount: 0, children: columns.map((c) => c.data[0]!) }));
  await openApp(page);
  await addFiles(page, [{ name: "people.arrow", content: Buffer.from(tableToIPC(new Table(batch), "file")), mimeType: "application/vnd.apache.arrow.file" }]);
  await expect(stagedItem(page, "people.arrow")).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Zoë", "1990-01-15", "2024-03-01 13:45:30", "1.5", "true"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "", "2001-12-31", "2024-03-02 08:00:00", "-2.25", "false"]);
});

test("an Arrow file cut short says so and what to do", async ({ page }) => {
  await openApp(page);
  const whole = fixture("lz4.arrow");
  await addFiles(page, [{ name: "cut.arrow", content: whole.subarray(0, 900), mimeType: "application/vnd.apache.arrow.file" }]);
  await expect(page.getByRole("alert").filter({ hasText: "cut.arrow" })).toContainText("This Arrow file cannot be read: it is cut short: an Arrow file ends with its footer and ARROW1, and this one does not. Write it as Parquet, and stage that.");
});
