import { readFile } from "node:fs/promises";
import { expect, test } from "../support/test";
import { addFiles, destination, openApp, openStep, stagingArea } from "../support/app";
import { expectCounts } from "../support/recipe";

/**
 * With no recipe, the final rows are a view of the staged table (no copy).
 * A version promoted from it must keep its own rows when the staged file is
 * read again differently afterwards: its download comes from what was
 * promoted, not from the view over the new read.
 */
test("a version promoted from a pass-through run keeps its rows after the staged file is read again", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: "id,name\n1,Ada\n2,Bo\n3,Cy\n" }]);
  await expectCounts(page, "3 rows in = 3 valid after steps + 0 rejected · 3 final rows");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 3 rows");

  await openStep(page, "Stage");
  const panel = page.locator("details").filter({ has: page.getByText(/^How .* is read/) });
  await panel.getByLabel("Skip lines at the top", { exact: true }).fill("2");
  await panel.getByRole("button", { name: "Read again with these options" }).click();
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "people.csv" })).toContainText("1 row");

  const pending = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: "Download people v1 as CSV" }).click();
  const csv = (await readFile((await (await pending).path())!)).toString("utf8");
  expect(csv).toBe("id,name\r\n1,Ada\r\n2,Bo\r\n3,Cy\r\n");
});
