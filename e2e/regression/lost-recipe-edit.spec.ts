import { expect, test } from "../support/test";
import { addFiles, openApp } from "../support/app";
import { expectCounts } from "../support/recipe";

// The recipe on screen was the saved draft read back from IndexedDB: an edit made before the
// previous one came back was built on the recipe before it, and saving it undid the previous edit.
// (Seen as a flaky transform test: a filter step added right after a rename lost the rename;
// pinned here with two rules added one task apart.)
test("two edits in the same moment both stay in the recipe", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "sales.csv", content: "id,amt\n1,10\n2,\n3,7\n" }]);
  await expectCounts(page, "3 rows in");

  // Both edits from the Validate step: a rule from the form and one of the suggested rules.
  const rule = page.getByRole("group", { name: "Add a rule" });
  await rule.getByLabel("Rule", { exact: true }).selectOption({ label: "Required (not empty)" });
  await rule.getByLabel("Column", { exact: true }).selectOption("amt");
  await expect(page.getByRole("button", { name: 'Add rule: "id" must be unique' })).toBeVisible();

  // Two clicks one task apart, as two real clicks are: React renders in between, but IndexedDB
  // (a write, then the read that brings it back) cannot answer that fast.
  await page.evaluate(async () => {
    const button = (name: string) => [...document.querySelectorAll("button")].find((b) => b.textContent === name)!;
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
    button("Add rule").click();
    await nextTask();
    button('Add rule: "id" must be unique').click();
  });

  const rules = page.getByRole("region", { name: "Validation rules" }).getByRole("listitem");
  await expect(rules).toContainText(['"amt" is required', '"id" must be unique']);
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await page.reload();
  await expect(rules).toContainText(['"amt" is required', '"id" must be unique']);
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
});
