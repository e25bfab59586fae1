import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { addFiles, destination, openApp } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

/**
 * Promoting right after the recipe ran on the same read of the file writes
 * the run's result tables as they are: the recipe does not run a second time
 * (the audit log records one validation), and the counts are the run's.
 */
test("a promotion right after a run of the same recipe uses that run", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: "id,email\n1,a@x.org\n2,\n3,c@x.org\n" }]);
  await addRule(page, "Required (not empty)", { Column: "email" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  const validations = async () => {
    await page.getByText("Audit log", { exact: true }).click();
    const pending = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export audit log as NDJSON" }).click();
    const events = (await readFile((await (await pending).path())!, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l));
    await page.getByText("Audit log", { exact: true }).click();
    return events.filter((e) => e.kind === "validate").map((e) => e.counts.final);
  };
  const before = await validations();
  expect(before.at(-1)).toBe(2);
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows");
  // The promotion ran no validation of its own.
  expect(await validations()).toEqual(before);

  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v2 · 2 rows");
  expect(await validations()).toEqual(before);
});
