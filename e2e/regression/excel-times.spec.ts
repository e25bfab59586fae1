import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagingArea } from "../support/app";
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
