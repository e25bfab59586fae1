import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, stagingArea } from "../support/app";

// A folder of files dropped at once opened a workspace for each file as it was staged: each was profiled and its
// recipe run while the next one staged, and the page laid itself out again each time (120 small files took 23 s,
// with frames of 150 ms of layout). The first rows of the file being staged take the workspace's place until the
// last file is staged, which is then shown.
test("a folder of files stages one after another under the first rows of each, and ends on the last file", async ({ page }) => {
  await openApp(page);
  const area = stagingArea(page);
  const part = (n: number) => ({
    name: `part-${n}.csv`,
    content: ["id,region,amount", ...Array.from({ length: 150_000 }, (_, i) => `${i},R${(i + n) % 7},${(i % 97) + n}.5`)].join("\n") + "\n",
  });
  await addFiles(page, [1, 2, 3, 4, 5, 6].map(part));
  await expect(area.getByRole("listitem").filter({ hasText: "part-2.csv" })).toContainText("150,000 rows", { timeout: 60_000 });
  // Files are still being staged: the first rows shown are a file's of the folder, and the file selected stays the
  // first staged (each staged file was selected in turn, its workspace opened).
  await expect(page.getByRole("button", { name: /^Cancel adding part-[3-6]\.csv$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^First rows of part-[2-6]\.csv$/ })).toBeVisible();
  await expect(area.getByRole("button", { name: "part-1.csv", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(area.getByRole("button", { name: "part-2.csv", exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(area.getByRole("listitem").filter({ hasText: "part-6.csv" })).toContainText("150,000 rows", { timeout: 60_000 });
  await expect(page.getByRole("region", { name: "part-6.csv" })).toBeVisible();
  await expect(area.getByRole("button", { name: "part-6.csv", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("region", { name: /^First rows of / })).toHaveCount(0);
});
