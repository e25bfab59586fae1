import { expect, test } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// A database export that pads fixed-length fields with NUL bytes (and a file that ends in zeroes) was refused
// whole: "This is not a text file (byte 21 is a binary control character)".
test("a CSV with NUL bytes in it stages without them, and says how many were left out and where the first was", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},AB${i + 1}\0\0\0\0,${(i + 1) * 10}\0\0`);
  await addFiles(page, [{ name: "padded.csv", content: ["id,code,amount", ...rows, "\0\0\0\0\0\0"].join("\n") + "\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "padded.csv" })).toContainText("30 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "AB1", "10"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("186 NUL bytes were left out of the text, the first on line 2: padding or a damaged file, not text.")).toBeVisible();
  await expect(panel.getByText("Lines: 32 lines = 30 in 30 rows + 1 header + 1 blank.")).toBeVisible();
});
