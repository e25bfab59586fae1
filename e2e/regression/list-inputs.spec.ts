import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// "Also empty (comma-separated)" rewrote its text from the list at each key: the comma just typed vanished,
// so a second value could not be typed at all ("NA, -" became "NA -").
test("a list typed key by key into the read options keeps its commas, and reads with every value", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "scores.csv", content: "id,score\n1,10\n2,NA\n3,-\n4,7\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "scores.csv" })).toContainText("4 rows");
  const panel = await openParsePanel(page);
  const empty = panel.getByLabel("Also empty (comma-separated)");
  await empty.click();
  await empty.pressSequentially("NA, -");
  await expect(empty).toHaveValue("NA, -");
  await panel.getByRole("button", { name: "Read again with these options" }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", ""]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "7"]);
});
