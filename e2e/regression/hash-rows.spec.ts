import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagedGrid, stagingArea } from "../support/app";

// Shopify's order export names each order #1001, #1002, … in its first column: every row was taken for a
// comment and dropped, and the file staged with no rows.
test("rows that start with # (Shopify's order names) stage as rows, not comments", async ({ page }) => {
  await openApp(page);
  const content = [
    "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Lineitem quantity,Lineitem name,Lineitem price",
    "#1001,ada@example.com,paid,2024-01-02 10:00:00 -0500,USD,30.00,33.50,1,Blue Mug,10.00",
    "#1001,ada@example.com,,,,,,2,Red Mug,10.00",
    "#1002,bo@example.com,paid,2024-01-03 11:30:00 -0500,USD,15.00,17.25,1,Tea Pot,15.00",
  ].join("\n") + "\n";
  await addFiles(page, [{ name: "orders_export.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders_export.csv" })).toContainText("3 rows");
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");
  await expect.poll(async () => (await rowTexts(page, "Staged data", 3)).slice(0, 2)).toEqual(["#1001", "ada@example.com"]);
  await expect((await openParsePanel(page)).getByText("Lines: 4 lines = 3 in 3 rows + 1 header.")).toBeVisible();
});
