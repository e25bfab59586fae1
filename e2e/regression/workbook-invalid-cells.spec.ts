import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// A workbook written by a program other than Excel, with a boolean cell holding "TRUE" instead of 1 and a number
// cell holding "n/a", was refused whole: "This is not a readable Excel workbook (<c/> at row 3, col 2: VALUE_INVALID)".
test("a workbook with cells whose value their type does not allow stages, those cells read as their text, and says which", async ({ page }) => {
  const rows = Array.from({ length: 40 }, (_, i) => [i + 1, i % 2 === 0, (i + 1) * 1.5]);
  const parts = unzipSync(new Uint8Array(await xlsx([{ sheet: "Orders", rows: [["id", "paid", "amount"], ...rows] }])));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!)
    .replace(/(<c r="B3"[^>]*>)<v>[01]<\/v>/, "$1<v>TRUE</v>")
    .replace(/(<c r="C4"[^>]*>)<v>[^<]*<\/v>/, "$1<v>n/a</v>")
    .replace(/<c r="A5"[^>]*>[\s\S]*?<\/c>/, '<c r="A5" t="s"/>');
  const content = Buffer.from(zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(sheet) }));
  await openApp(page);
  await addFiles(page, [{ name: "exported.xlsx", content, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "exported.xlsx" })).toContainText("40 rows");
  // Kept as its text, TRUE is read as the column's other booleans are.
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "true", "3.0"]);
  // Kept as its text, n/a is then read as a missing value, as in a CSV file.
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "true", ""]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["", "false", "6.0"]);
  const panel = await openParsePanel(page);
  await expect(
    panel.getByText("3 cells hold values their type does not allow (as programs other than Excel write them): B3 (“TRUE” in a boolean cell), C4 (“n/a” in a number cell), A5 (a shared string cell without its value); read as their text, or empty where they had none."),
  ).toBeVisible();
});
