import { appTest as test, expect } from "./support/test";
import { addFiles, openApp, rowTexts, stagedGrid } from "./support/app";
import { addStep, expectCounts } from "./support/recipe";

const MILLION = 1_000_000;
const bigCsv = () => {
  const lines = new Array<string>(MILLION + 1);
  lines[0] = "id,name,value";
  for (let i = 0; i < MILLION; i++) lines[i + 1] = `${i},name ${i},${i * 0.5}`;
  return lines.join("\n") + "\n";
};

test("a million-row table scrolls to the end and shows the last row; keyboard reaches it too", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await addFiles(page, [{ name: "million.csv", content: bigCsv() }]);
  const grid = stagedGrid(page);
  await expect(grid).toHaveAttribute("aria-rowcount", String(MILLION + 1), { timeout: 60_000 });

  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => rowTexts(page, "Staged data", MILLION + 1)).toEqual(["999999", "name 999999", "499999.5"]);
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  const firstShown = async () => Number(await grid.locator('[role="row"][aria-rowindex]').nth(1).getAttribute("aria-rowindex"));
  await expect.poll(async () => Math.abs((await firstShown()) - MILLION / 2)).toBeLessThan(MILLION / 100);

  await grid.evaluate((el) => (el.scrollTop = 0));
  await grid.getByRole("columnheader", { name: "id" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(grid.locator('[data-cell="0:0"]')).toBeFocused();
  await page.keyboard.press("Control+End");
  await expect(grid.locator(`[data-cell="${MILLION - 1}:2"]`)).toBeFocused();
  await expect(page.getByText("Row 1,000,000, value: 499999.5")).toBeVisible();
  await page.keyboard.press("Control+Home");
  await expect(grid.locator('[data-cell="0:0"]')).toBeFocused();
});

test("sorting, searching and filtering give the right first rows and counts; columns pin and resize", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 2000 }, (_, i) => `${i},name ${i},${(i * 37) % 1000}`);
  await addFiles(page, [{ name: "small.csv", content: `id,name,score\n${rows.join("\n")}\n` }]);
  const grid = stagedGrid(page);
  await expect(grid).toHaveAttribute("aria-rowcount", "2001");

  await grid.getByRole("columnheader", { name: "score" }).getByRole("button", { name: "score", exact: true }).click();
  await expect(grid.getByRole("columnheader", { name: "score" })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["0", "name 0", "0"]);
  await grid.getByRole("columnheader", { name: "score" }).getByRole("button", { name: "score", exact: true }).click();
  await expect(grid.getByRole("columnheader", { name: "score" })).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["27", "name 27", "999"]);

  await page.getByRole("searchbox", { name: "Search Staged data" }).fill("name 19");
  await page.getByRole("searchbox", { name: "Search Staged data" }).press("Enter");
  await expect(grid).toHaveAttribute("aria-rowcount", String(1 + 1 + 10 + 100));
  await page.getByLabel("Filter column of Staged data").selectOption("id");
  await page.getByLabel("Filter condition of Staged data").selectOption(">=");
  await page.getByLabel("Filter value of Staged data").fill("1990");
  await page.getByRole("button", { name: "Add filter" }).first().click();
  await expect(grid).toHaveAttribute("aria-rowcount", "11");
  await expect(page.getByText("10 of 2,000 rows match.")).toBeVisible();
  await page.getByRole("button", { name: "Remove filter id >= 1990" }).click();
  await expect(grid).toHaveAttribute("aria-rowcount", "112");

  await grid.getByRole("button", { name: "Pin column name" }).click();
  await expect(grid.getByRole("columnheader")).toHaveText(["name", "id", "score"]);
  const handle = grid.getByRole("separator", { name: "Resize column id" });
  const before = Number(await handle.getAttribute("aria-valuenow"));
  await handle.focus();
  await page.keyboard.press("ArrowRight");
  await expect(handle).toHaveAttribute("aria-valuenow", String(before + 16));
});

test("the staged and final grids sit side by side with a summary of what the recipe changed", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "pairs.csv", content: "id,amt,note\n1,5,a\n2,7,b\n" }]);
  await expectCounts(page, "2 rows in = 2 valid after steps + 0 rejected");
  await expect(page.getByText("Scroll staged and final together")).toBeVisible();
  await addStep(page, "Rename a column", { Column: "amt", "New name": "amount" });
  await addStep(page, "Change type", { Column: "amount", "Type (e.g. INTEGER, DATE, DECIMAL(10,2))": "DOUBLE" });
  await addStep(page, "Keep and order columns", { "Columns, in order": "id, amount" });
  await expect(page.getByTestId("column-changes")).toHaveText("Columns: renamed amt → amount; removed note; amount BIGINT → DOUBLE.");
  await expect.poll(() => rowTexts(page, "Final data", 3)).toEqual(["2", "7.0"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "7", "b"]);
});

test("when the grids start scrolling together they line up where the staged grid is: it keeps its place and the keyboard focus", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 5000 }, (_, i) => `${i},name ${i}`);
  await addFiles(page, [{ name: "long.csv", content: `id,name\n${rows.join("\n")}\n` }]);
  await expectCounts(page, "5,000 rows in");
  const together = page.getByLabel("Scroll staged and final together");
  await together.uncheck();
  const staged = stagedGrid(page);
  await staged.getByRole("columnheader", { name: "id" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Control+End");
  const last = staged.locator('[data-cell="4999:1"]');
  await expect(last).toBeFocused();
  // Before, the shared position was only kept while following: ticking the box moved the staged grid back to the top.
  await together.check();
  await expect(page.getByRole("grid", { name: "Final data" }).locator('[data-cell="4999:0"]')).toBeVisible();
  await expect(last).toBeInViewport();
  await last.focus();
  await page.keyboard.press("Control+Home");
  await expect(staged.locator('[data-cell="0:0"]')).toBeFocused();
});

test("a table of 1,000 columns draws the columns in view; keyboard and scrolling reach the last one", async ({ page }) => {
  await openApp(page);
  const header = Array.from({ length: 1000 }, (_, c) => `c${c}`).join(",");
  const rows = Array.from({ length: 50 }, (_, r) => Array.from({ length: 1000 }, (_, c) => `${r}-${c}`).join(","));
  await addFiles(page, [{ name: "thousand-columns.csv", content: `${header}\n${rows.join("\n")}\n` }]);
  const grid = stagedGrid(page);
  const columnHeader = (name: string) => grid.getByRole("columnheader", { name: new RegExp(`^${name} Pin`) });
  await expect(grid).toHaveAttribute("aria-colcount", "1000", { timeout: 60_000 });
  await expect(columnHeader("c0")).toBeVisible();
  // Only the columns in view (and a few beside them) are in the page, each with its place among all.
  const drawn = await grid.getByRole("columnheader").count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(40);
  await expect(grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first()).toHaveAttribute("aria-colindex", "1");

  await columnHeader("c0").focus();
  await page.keyboard.press("ArrowDown");
  await expect(grid.locator('[data-cell="0:0"]')).toBeFocused();
  await page.keyboard.press("End");
  await expect(grid.locator('[data-cell="0:999"]')).toBeFocused();
  await expect(grid.locator('[data-cell="0:999"]')).toBeInViewport();
  await expect(grid.locator('[data-cell="0:999"]')).toHaveText("0-999");
  await page.keyboard.press("Home");
  await expect(grid.locator('[data-cell="0:0"]')).toBeInViewport();

  await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth / 2));
  await expect(columnHeader("c500")).toBeInViewport();
  await expect(columnHeader("c0")).toHaveCount(0);
});

test("Ctrl+C copies the active cell's value, or a header's column name", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: "id,name,note\n1,Ada Lovelace,\n2,Grace Hopper,admiral\n" }]);
  const grid = stagedGrid(page);
  await expect(grid).toHaveAttribute("aria-rowcount", "3");
  /** What a copy at the focused element puts on the clipboard (as the browser sends one for Ctrl+C), or null when the page leaves it to the browser. */
  const copied = () =>
    page.evaluate(() => {
      const clipboardData = new DataTransfer();
      const event = new ClipboardEvent("copy", { clipboardData, bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(event);
      return event.defaultPrevented ? clipboardData.getData("text/plain") : null;
    });
  await grid.getByRole("gridcell", { name: "Grace Hopper" }).click();
  expect(await copied()).toBe("Grace Hopper");
  await page.keyboard.press("ArrowRight");
  expect(await copied()).toBe("admiral");
  await page.keyboard.press("ArrowUp");
  expect(await copied()).toBe("");
  await page.keyboard.press("ArrowUp");
  expect(await copied()).toBe("note");
});
