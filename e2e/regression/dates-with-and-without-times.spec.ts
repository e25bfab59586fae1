import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, parsePanel, rowTexts, stagingArea } from "../support/app";

// A column of dates where midnights are written as the date alone (2025-01-17 beside 2025-02-18 01:01:00) stayed
// text when a date came first, sorted as text and out of reach of a date or time rule.
test("a column of dates, some with a time and some without, stages as timestamps, and the user may turn day and month", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "visits.csv", content: "id,seen\n1,2025-01-17\n2,2025-02-18 01:01:00\n3,\n4,2025-03-01T04:05:06\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "visits.csv" })).toContainText("4 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2025-01-17 00:00:00"]);
  await expect.poll(() => rowTexts(page, "Staged data", 5)).toEqual(["4", "2025-03-01 04:05:06"]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: seen (written as 2024-12-31 with or without a time of day).")).toBeVisible();

  await addFiles(page, [{ name: "shifts.csv", content: "id,start\n1,01/02/2024\n2,03/04/2024 10:00\n3,05/06/2024 9:30 PM\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "shifts.csv" })).toContainText("3 rows");
  await stagingArea(page).getByRole("button", { name: "shifts.csv", exact: true }).click();
  const flag = parsePanel(page).getByRole("alert");
  await expect(flag).toContainText("Dates in start could be day/month or month/day: no day is above 12. They were read as %d/%m/%Y %H:%M.");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-04-03 10:00:00"]);
  await flag.getByRole("button", { name: "Read dates as %m/%d/%Y %H:%M" }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-03-04 10:00:00"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "2024-05-06 21:30:00"]);
  await expect(parsePanel(page).getByRole("alert")).toHaveCount(0);
});
