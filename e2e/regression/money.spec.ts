import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// Bank statements, shop and accounting exports write money with its currency ($1,250.00, 1.234,56 €) and
// negatives in parentheses, and rates as percentages: those columns stayed text, out of reach of a sum or a range rule.
test("amounts of money and percentages stage as numbers; a column with two currencies stays text", async ({ page }) => {
  await openApp(page);
  const csv = 'date,item,amount,mixed,rate\n2024-01-02,Rent,"$1,250.00",$5,2.5%\n2024-01-03,Refund,"-$99.95",€5,--\n2024-01-04,Fee,"($4.50)",$7,100%\n';
  await addFiles(page, [{ name: "statement.csv", content: csv }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "statement.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["2024-01-02", "Rent", "1250.0", "$5", "0.025"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["2024-01-04", "Fee", "-4.5", "$7", "1.0"]);
  await expect((await openParsePanel(page)).getByText("Read as numbers: amount (written as 1,234.56, in $); rate (written as 12.5%, read as 0.125).")).toBeVisible();
});

// India groups digits in lakhs and crores (1,23,456.78): those columns stayed text.
test("amounts grouped in lakhs and crores stage as numbers", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "invoices.csv", content: 'invoice,amount\nINV-1,"₹1,23,456.78"\nINV-2,"₹12,34,56,789.00"\nINV-3,"₹99,999.50"\n' }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "invoices.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["INV-1", "123456.78"]);
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["INV-2", "123456789.0"]);
  await expect((await openParsePanel(page)).getByText("Read as numbers: amount (written as 1,234.56, in ₹).")).toBeVisible();
});

// Figures shortened for people ($1.2M, 350K, 1.5k), as scraped listings and company data write them, stayed text.
test("figures shortened for people stage as thousands, millions and billions; a race's 5K and 10K stay text", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "companies.csv", content: "company,revenue,staff,race\nA,$1.2M,1.5k,5K\nB,$350K,200,10K\nC,$2.1B,12k,21K\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "companies.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["A", "1200000.0", "1500.0", "5K"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["C", "2100000000.0", "12000.0", "21K"]);
  await expect(
    (await openParsePanel(page)).getByText("Read as numbers: revenue (written as $1.2M, K, M and B read as thousands, millions and billions); staff (written as 1.2M, K, M and B read as thousands, millions and billions)."),
  ).toBeVisible();
});
