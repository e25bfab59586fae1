import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A Markdown table (as a chat assistant or a README writes one) saved as a data file was read with "|" as the
// delimiter: the line of dashes became a second header line, each end an empty column, every cell padded.
test("a Markdown table stages as its cells, its line of dashes counted as a blank line", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 5 }, (_, i) => `| ${i + 1} | Item ${i + 1} | ${(i + 1) * 2}.25 |`);
  await addFiles(page, [{ name: "table.csv", content: ["| id | item | price |", "|---|---|---:|", ...rows].join("\n") + "\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "table.csv" })).toContainText("5 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "item", "price"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Item 2", "4.25"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Read as a Markdown table: the cells between its pipes, the line of dashes under the header as a blank line.")).toBeVisible();
  await expect(panel.getByText("Lines: 7 lines = 5 in 5 rows + 1 header + 1 blank.")).toBeVisible();
});
