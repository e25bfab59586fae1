import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// DuckDB's sniffer reads only ISO timestamps and numeric dates: a column written as 31.12.2024 23:59 (a
// German export), 12/31/2024 11:59 PM (a US one) or 02-JAN-24 (Oracle) stayed text, sorted as text and out
// of reach of a date or time rule.
test("dates and timestamps written for people stage as such, and the file says how they were read", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "export.csv", content: "Datum;Betrag;Zeit\n31.12.2024;1.234,50;31.12.2024 23:59\n01.02.2024;12,00;01.02.2024 08:00\n15.03.2024;-5,25;NA\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "export.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2024-12-31", "1234.5", "2024-12-31 23:59:00"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["2024-03-15", "-5.25", ""]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: Zeit (written as 31.12.2024 23:59).")).toBeVisible();

  await addFiles(page, [{ name: "orders.csv", content: "id,placed\n1,02-JAN-24\n2,15-MAR-24\n3,31-DEC-24\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders.csv" })).toContainText("3 rows");
  await stagingArea(page).getByRole("button", { name: "orders.csv", exact: true }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-03-15"]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: placed (written as 31-Dec-24).")).toBeVisible();
});

// Snowflake writes its timestamps with the offset after a space (2024-01-01 10:00:00.000 -0800), which DuckDB's
// sniffer leaves as text.
test("timestamps with an offset after a space (Snowflake) stage as timestamps with a time zone", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "unload.csv", content: "id,loaded_at\n1,2024-01-01 10:00:00.000 -0800\n2,2024-06-01 23:30:00.000 +0100\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "unload.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2024-01-01 18:00:00+00"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-06-01 22:30:00+00"]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: loaded_at (written as 2024-12-31 23:59:58.250 -0800).")).toBeVisible();
});

// A US export with two-digit years (12/31/24 11:59 PM) stayed text, as %Y would read 24 as the year 24.
test("timestamps with a year of two digits stage as this century's", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "shifts.csv", content: "id,started\n1,12/31/24 11:59 PM\n2,1/15/25 8:05 AM\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "shifts.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2024-12-31 23:59:00"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2025-01-15 08:05:00"]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: started (written as 12/31/24 11:59 PM).")).toBeVisible();
});

// Jira writes its dates as 15/Jan/24 10:05 AM, and many web applications as Jan 2, 2024 3:04 PM: with the
// month's name and a time, they stayed text.
test("dates with the month's name and a time (Jira) stage as timestamps, times with AM or PM as times", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "jira.csv", content: "Issue key,Created,Standup\nPROJ-12,15/Jan/24 10:05 AM,9:30 AM\nPROJ-13,02/Feb/24 4:30 PM,4:45 PM\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "jira.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["PROJ-13", "2024-02-02 16:30:00", "16:45:00"]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: Created (written as 31/Dec/24 11:59 PM), Standup (written as 11:59 PM).")).toBeVisible();
});

// DuckDB's sniffer reads 31.12.24, as German exports write the last day of 2024, as 24 December 2031: its
// format with a two-digit year first fits any such date up to the 31st. A second column of dates written
// another way than the file's one format stayed text.
test("dates with a two-digit year last stage as written (31.12.24), and a second date format in a file too", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "buchungen.csv", content: "Datum;Valuta;Betrag\n31.12.24;12/31/2024;5\n01.02.24;02/01/2024;7\n15.03.25;03/15/2025;9\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "buchungen.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2024-12-31", "2024-12-31", "5"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["2025-03-15", "2025-03-15", "9"]);
});

// GTFS feeds, SAP and trading systems write dates as one number (20240131), which DuckDB reads as whole numbers.
test("dates written yyyymmdd stage as dates in columns named as dates (a GTFS calendar)", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "calendar.txt", content: "service_id,monday,start_date,end_date\nWKD,1,20240101,20241231\nSAT,0,20240106,20241228\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "calendar.txt" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["WKD", "1", "2024-01-01", "2024-12-31"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["SAT", "0", "2024-01-06", "2024-12-28"]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: start_date (written as 20241231), end_date (written as 20241231).")).toBeVisible();
});

// Apple's and Google's apps write "at" between the date and the time (Jan 2, 2024 at 3:04 PM), which stayed text.
test("dates with the month's name and 'at' before the time stage as timestamps", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "notes.csv", content: 'id,created\n1,"Jan 2, 2024 at 3:04 PM"\n2,"Feb 12, 2024 at 11:04 AM"\n' }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "notes.csv" })).toContainText("2 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2024-01-02 15:04:00"]);
  await expect((await openParsePanel(page)).getByText("Read as dates and times: created (written as Dec 31, 2024 at 11:59 PM).")).toBeVisible();
});
