import { type Page } from "@playwright/test";
import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagingArea } from "../support/app";
import { NASTY } from "../support/nasty";

/**
 * A corpus of nasty files, made by the tests: each either stages with the
 * right cells or fails with a message naming the file (and the line, where
 * it applies), and the tab stays responsive throughout.
 */
type Check = { error: RegExp } | { headers?: string[]; columns?: number; rows: number; cells?: [number, string[]][] };

const EXPECTED: Record<string, Check> = {
  "empty.csv": { error: /empty/ },
  "header-only.csv": { headers: ["a", "b", "c"], rows: 0 },
  "single-column.csv": { headers: ["name"], rows: 2, cells: [[2, ["Ada"]]] },
  "duplicate-headers.csv": { headers: ["a", "a_1", "column2", "b"], rows: 1, cells: [[2, ["1", "2", "3", "4"]]] },
  "wide.csv": { columns: 2000, rows: 1 },
  "big-field.csv": { headers: ["id", "text"], rows: 2, cells: [[3, ["2", "short"]]] },
  "embedded.csv": { headers: ["id", "text"], rows: 2, cells: [[2, ["1", 'line one\nline two, with "quotes" and, commas']]] },
  "mixed-endings.csv": { headers: ["a", "b"], rows: 3, cells: [[4, ["5", "6"]]] },
  "latin1-in-utf8.csv": { headers: ["id", "name"], rows: 2, cells: [[2, ["1", "café"]]] },
  // A delimiter ending every line, the header's too, makes an empty column that is not data: it is dropped.
  "trailing-delimiters.csv": { headers: ["a", "b"], rows: 2, cells: [[2, ["1", "2"]]] },
  // Each column reads as numbers: every value fits one way of writing them (1,234.50 only with a decimal point, 0,5 only with a comma).
  "thousands.csv": { headers: ["amount", "eu"], rows: 2, cells: [[2, ["1234.5", "1234.5"]], [3, ["2000.0", "0.5"]]] },
  "dates.csv": { headers: ["d"], rows: 3, cells: [[3, ["02/01/2024"]], [4, ["Jan 3 2024"]]] },
};

async function settle(page: Page, name: string, check: Check) {
  if ("error" in check) {
    await expect(page.getByRole("alert").filter({ hasText: name })).toContainText(check.error);
    return;
  }
  const item = stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });
  await expect(item).toContainText(/\d rows?/, { timeout: 60_000 });
  await expect(item.getByRole("button", { name, exact: true })).toHaveAttribute("aria-pressed", "true");
  const grid = stagedGrid(page);
  await expect(grid, name).toHaveAttribute("aria-rowcount", String(check.rows + 1));
  if (check.headers) await expect(grid.getByRole("columnheader")).toHaveText(check.headers);
  if (check.columns) await expect(grid).toHaveAttribute("aria-colcount", String(check.columns));
  for (const [row, values] of check.cells ?? []) await expect.poll(() => rowTexts(page, "Staged data", row)).toEqual(values);
}

const results: string[] = [];

async function tryInput(page: Page, file: (typeof NASTY)[number]) {
  const check = EXPECTED[file.name];
  expect(check, `an expectation for ${file.name}`).toBeDefined();
  await addFiles(page, [{ name: file.name, content: file.content }]);
  await settle(page, file.name, check!);
  // The main thread still answers at once.
  const started = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - started).toBeLessThan(5_000);
  results.push("error" in check! ? "error" : "staged");
}

// All in one page, one after the other: a 2,000-column file once left the engine out of memory for the
// files after it (each column's distinct count held a hash table; profiles now scan 50 columns at a time).
test("nasty files stage with the right cells or fail with a clear message, and the tab stays responsive", async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  for (const file of NASTY) await tryInput(page, file);
});

test.afterAll(() => {
  console.log(
    `reliability/nasty-files: ${results.length} of ${NASTY.length} inputs tried, ${results.filter((r) => r === "staged").length} staged with the right cells, ${results.filter((r) => r === "error").length} refused with a clear error`,
  );
});
