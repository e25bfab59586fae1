import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, stagingArea } from "../support/app";

// A file that finished staging was selected when its staging resolved, which comes a moment after the staging
// area lists it as staged: a file the user picked in between was replaced by it (an end-to-end test that
// clicked one file right after another was staged saw the other file's counts for 20 s).
test("a file the user picks while another is staged stays selected when that one is done", async ({ page }) => {
  await openApp(page);
  const area = stagingArea(page);
  await addFiles(page, [{ name: "small.csv", content: "id,name\n1,a\n2,b\n" }]);
  await expect(area.getByRole("listitem").filter({ hasText: "small.csv" })).toContainText("2 rows");
  const rows = Array.from({ length: 300_000 }, (_, i) => `${i},name ${i},${i % 97}.5,2024-01-${String(1 + (i % 28)).padStart(2, "0")}`);
  await addFiles(page, [{ name: "big.csv", content: ["id,name,amount,day", ...rows].join("\n") + "\n" }]);
  await expect(page.getByRole("button", { name: "Cancel adding big.csv" })).toBeVisible();
  // The big file's first rows take the workspace's place while it stages; the file picked meanwhile takes it back.
  const head = page.getByRole("region", { name: "First rows of big.csv" });
  await expect(head).toBeVisible();
  await expect(page.getByRole("region", { name: "small.csv" })).toBeHidden();
  const small = area.getByRole("button", { name: "small.csv", exact: true });
  await small.click();
  await expect(page.getByRole("region", { name: "small.csv" })).toBeVisible();
  await expect(head).toBeHidden();
  await expect(area.getByRole("listitem").filter({ hasText: "big.csv" })).toContainText("300,000 rows", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Cancel adding big.csv" })).toBeHidden();
  await expect(small).toHaveAttribute("aria-pressed", "true");
  await expect(area.getByRole("button", { name: "big.csv", exact: true })).toHaveAttribute("aria-pressed", "false");
});
