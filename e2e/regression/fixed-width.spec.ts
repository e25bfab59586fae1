import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// A fixed-width report (a mainframe's or a report writer's .txt) staged as one column of whole lines.
test("fixed-width text stages as its columns, named by its header, typed", async ({ page }) => {
  await openApp(page);
  const lines = [
    "ACCOUNT  HOLDER          BALANCE  OPENED",
    "000123   Ann Lee          120.50  2024-01-02",
    "004567   Bob                3.00  2024-02-03",
    "078901   Carol Ann Smith 1000.00  2024-03-04",
    "100234   Dee               12.00  2024-04-05",
    "200345   Ed                 7.25  2024-05-06",
    "300456   Flo Jo             8.00  2024-06-07",
  ];
  await addFiles(page, [{ name: "accounts.txt", content: `${lines.join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "accounts.txt" })).toContainText("6 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["ACCOUNT", "HOLDER", "BALANCE", "OPENED"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["078901", "Carol Ann Smith", "1000.0", "2024-03-04"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("Read as fixed-width columns, starting at characters 1, 10, 26, 35.")).toBeVisible();
  await expect(panel.getByLabel("Fixed-width columns at characters")).toHaveValue("1, 10, 26, 35");
});

// A mainframe's printed report puts a title line above the header and a rule under it: the title crossed the
// columns' gaps, so the text staged as one column of whole lines.
test("a fixed-width report with a title above its header and a rule under it stages as its columns", async ({ page }) => {
  await openApp(page);
  const lines = [
    "ACME CORP - MONTHLY ACCOUNT REPORT                    PAGE 1",
    "ACCOUNT   NAME                 BALANCE    OPENED",
    "--------- -------------------- ---------- ----------",
    "000123    Ann Lee                 1234.56 2020-01-15",
    "004567    Bo Chen                  -99.00 2019-07-01",
    "010001    Cy Diaz                    0.00 2021-03-30",
    "020002    Di Evans                 500.25 2018-11-11",
    "030003    Ed Fox                   750.00 2017-02-02",
  ];
  await addFiles(page, [{ name: "report.txt", content: `${lines.join("\n")}\n` }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "report.txt" })).toContainText("5 rows");
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["ACCOUNT", "NAME", "BALANCE", "OPENED"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["004567", "Bo Chen", "-99.0", "2019-07-01"]);
  await expect((await openParsePanel(page)).getByText("Lines: 8 lines = 5 in 5 rows + 1 header + 1 above the table + 1 blank.")).toBeVisible();
});
