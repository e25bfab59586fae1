import { constants, gunzipSync } from "node:zlib";
import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openStep, parsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { gzip } from "../support/files";

/** A count as the page writes it (11,175). */
const n = (count: number) => count.toLocaleString("en-US");

// An interrupted download of a .csv.gz was refused whole ("The gzip data is truncated or damaged").
test("a gzip CSV cut off part-way stages the rows it held, sets aside the line it ends in, and says the file is cut", async ({ page }) => {
  await openApp(page);
  const whole = gzip("id,name\n" + Array.from({ length: 20_000 }, (_, i) => `${i},name ${i}`).join("\n") + "\n");
  const cut = whole.subarray(0, Math.floor(whole.length / 2));
  // What the cut data holds, as zlib inflates it without its end: whole lines, then one cut off.
  const lines = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8").split("\n");
  const cutLine = lines.pop()!;
  expect(cutLine).not.toBe("");
  const rows = lines.length - 1;
  await addFiles(page, [{ name: "cut.csv.gz", content: cut, mimeType: "application/gzip" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "cut.csv.gz" })).toContainText(`${rows.toLocaleString("en-US")} rows`);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", String(rows + 1));
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["0", "name 0"]);
  await expect(parsePanel(page)).toContainText("The gzip data ends before its end");
  await expect(parsePanel(page).getByRole("status")).toContainText("1 line set aside");
  const setAside = parsePanel(page).getByRole("list", { name: "Lines set aside from cut.csv.gz" });
  await expect(setAside).toContainText("a line cut off where the gzip data ends");
  await expect(setAside.getByRole("textbox", { name: `Line ${rows + 2}` })).toHaveValue(cutLine);
  await expect(parsePanel(page)).toContainText(`Lines: ${n(rows + 2)} lines = ${n(rows)} in ${n(rows)} rows + 1 header + 1 set aside.`);

  // Completed where it is, the cut line is read as the last row.
  await setAside.getByRole("textbox", { name: `Line ${rows + 2}` }).fill(`${rows},name ${rows}`);
  await setAside.getByRole("button", { name: `Rejoin line ${rows + 2}` }).click();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", String(rows + 2));
  await openStep(page, "Stage");
  await expect(parsePanel(page)).toContainText(`Lines: ${n(rows + 2)} lines = ${n(rows + 1)} in ${n(rows + 1)} rows + 1 header.`);
  await expect(parsePanel(page)).toContainText("The gzip data ends before its end");
});

test("a gzip NDJSON file cut off part-way stages the records it held and says the file is cut", async ({ page }) => {
  await openApp(page);
  const whole = gzip(Array.from({ length: 5_000 }, (_, i) => JSON.stringify({ id: i, note: `note ${i}` })).join("\n") + "\n");
  const cut = whole.subarray(0, Math.floor(whole.length / 2));
  const records = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8").split("\n").length - 1;
  await addFiles(page, [{ name: "cut.ndjson.gz", content: cut, mimeType: "application/gzip" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "cut.ndjson.gz" })).toContainText(`${records.toLocaleString("en-US")} rows`);
  await expect(parsePanel(page)).toContainText("The gzip data ends before its end");
  await expect(parsePanel(page).getByRole("status")).toContainText("1 line set aside");
});
