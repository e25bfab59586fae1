import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openStep, rowTexts, stagingArea } from "../support/app";
import { xlsx } from "../support/files";

// A sheet keeps a time of day (a shift's start, 13:45) as a fraction of a day: the workbook reader gave it as
// that time on 30 December 1899, and the column staged as timestamps of 1899.
test("times of day in a workbook stage as times, not as timestamps of 30 December 1899", async ({ page }) => {
  await openApp(page);
  const time = (value: number) => ({ value, type: Number, format: "hh:mm" });
  const content = await xlsx([{ sheet: "Shifts", rows: [["who", "starts", "day"], ["Ann", time(13.75 / 24), new Date("2024-03-05")], ["Bo", time(6 / 24), new Date("2024-03-06")]] }]);
  await addFiles(page, [{ name: "shifts.xlsx", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "shifts.xlsx" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["Ann", "13:45:00", "2024-03-05"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["Bo", "06:00:00", "2024-03-06"]);
});

// A timesheet's hours in an elapsed-time format ([h]:mm) are a number of days: 36 hours staged as 31 December
// 1899 12:00.
test("durations in a workbook stage as the sheet shows them (36:00), not as dates of 1899", async ({ page }) => {
  await openApp(page);
  const hours = (value: number) => ({ value, type: Number, format: "[h]:mm" });
  const content = await xlsx([{ sheet: "Timesheet", rows: [["who", "worked"], ["Ann", hours(1.5)], ["Bo", hours(0.3125)]] }]);
  await addFiles(page, [{ name: "timesheet.xlsx", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "timesheet.xlsx" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["Ann", "36:00"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["Bo", "7:30"]);
});

// A workbook's date and time cells at midnight were written as dates alone (2025-01-17) beside the others'
// timestamps, so a column of timestamps with a midnight among them staged as text.
test("a workbook's column of timestamps with a midnight among them stages as timestamps", async ({ page }) => {
  await openApp(page);
  const at = (iso: string) => ({ value: new Date(iso), type: Date, format: "yyyy-mm-dd hh:mm:ss" });
  const content = await xlsx([{ sheet: "Orders", rows: [["id", "updated_at", "ordered_on"], [1, at("2025-01-17T00:00:00Z"), new Date("2025-01-17")], [2, at("2025-02-18T01:01:00Z"), new Date("2025-02-18")]] }]);
  await addFiles(page, [{ name: "orders.xlsx", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders.xlsx" })).toContainText("2 rows");
  await openStep(page, "Stage");
  await expect(page.getByRole("list", { name: "Columns of orders.xlsx" })).toContainText("updated_at TIMESTAMP");
  await expect(page.getByRole("list", { name: "Columns of orders.xlsx" })).toContainText("ordered_on DATE");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2025-01-17 00:00:00", "2025-01-17"]);
});
