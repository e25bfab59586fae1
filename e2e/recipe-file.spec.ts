import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { addFiles, openApp, openStep, stagingArea } from "./support/app";
import { addRule, addStep, expectCounts } from "./support/recipe";

test("a recipe is saved by name, applied to another file, exported and imported; bad ones are refused", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [
    { name: "jan.csv", content: "id,amount\n1,5\n2,\n3,9\n" },
    { name: "feb.csv", content: "id,amount\n4,\n5,1\n" },
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Staged feb.csv" })).toBeVisible();
  await stagingArea(page).getByRole("button", { name: "jan.csv", exact: true }).click();
  await expectCounts(page, "3 rows in");
  await addRule(page, "Required (not empty)", { Column: "amount" });
  await addStep(page, "Add a column", { Name: "double", "SQL expression": "amount * 2" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");

  await openStep(page, "Validate");
  await page.getByLabel("Recipe name").fill("monthly");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved the recipe as “monthly”." })).toBeVisible();
  const exported = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export recipe" }).click();
  const recipe = JSON.parse(await readFile((await (await exported).path())!, "utf8"));
  expect(recipe).toMatchObject({
    version: 1,
    rules: [{ kind: "required", column: "amount", severity: "reject", enabled: true }],
    steps: [{ kind: "derive", name: "double", expression: "amount * 2", enabled: true }],
    sql: null,
  });

  await stagingArea(page).getByRole("button", { name: "feb.csv", exact: true }).click();
  await expectCounts(page, "2 rows in = 2 valid after steps + 0 rejected");
  await page.getByLabel("Saved recipes").selectOption("monthly");
  await page.getByRole("button", { name: "Apply saved recipe" }).click();
  await expectCounts(page, "2 rows in = 1 valid after steps + 1 rejected");

  const importFile = async (name: string, content: string) => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import recipe" }).click();
    await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
  };
  await importFile("future.json", JSON.stringify({ ...recipe, version: 9 }));
  await expect(page.getByRole("alert").filter({ hasText: "future.json" })).toContainText("version 9");
  await importFile("broken.json", '{"version": 1, "rules": [{"kind": "teleport"');
  await expect(page.getByRole("alert").filter({ hasText: "broken.json" })).toContainText("not valid JSON");
  await importFile("plain.json", JSON.stringify({ version: 1 }));
  // An imported recipe is someone else's: it is shown whole and applied only once the user agrees.
  await page.getByRole("dialog", { name: "Apply the recipe from plain.json?" }).getByRole("button", { name: "Apply recipe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "plain.json" })).toBeVisible();
  await expectCounts(page, "2 rows in = 2 valid after steps + 0 rejected");
});
