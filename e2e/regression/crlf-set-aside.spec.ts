import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagingArea } from "../support/app";

// DuckDB reported a CRLF file's rejected line from the LF before it, so the line set aside was numbered one
// too far: the box to edit it was "Line 4" for the file's line 3, and rejoining it edited line 4.
test("a line set aside from a CRLF file is edited in place as its own line, and rejoins the rows", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "windows.csv", content: "id,name,qty\r\n1,a,3\r\n2,b,4,9,9\r\n3,c,5\r\n4,d,6\r\n" }]);
  const item = stagingArea(page).getByRole("listitem").filter({ hasText: "windows.csv" });
  await expect(item).toContainText("3 rows");
  const line = page.getByRole("textbox", { name: "Line 3" });
  await expect(line).toHaveValue("2,b,4,9,9");
  await line.fill("2,b,4");
  await page.getByRole("button", { name: "Rejoin line 3" }).click();
  await expect(item).toContainText("4 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "b", "4"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "c", "5"]);
});
