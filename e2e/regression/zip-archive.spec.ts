import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, stagingArea } from "../support/app";

// A data portal's download (a ZIP of CSV files, with a README and macOS's copies beside them) was refused:
// "This is a ZIP archive, not an Excel workbook: … Unzip it and stage the files inside."
test("a ZIP archive's data files stage each as its own file, the archive named as where they came from", async ({ page }) => {
  await openApp(page);
  const zip = Buffer.from(
    zipSync({
      "export/": {},
      "export/2024/sales.csv": strToU8("id,amount\n1,10\n2,20\n"),
      "export/2025/sales.csv": strToU8("id,amount\n3,30\n4,40\n5,50\n"),
      "export/regions.json": strToU8('[{"region": "North"}]'),
      "export/README.txt": strToU8("Sales by year."),
      "__MACOSX/export/._regions.json": strToU8("\u0000\u0005"),
    }),
  );
  await addFiles(page, [{ name: "portal-export.zip", content: zip, mimeType: "application/zip" }]);
  const item = (name: string) => stagingArea(page).getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });
  await expect(item("export-2024-sales.csv")).toContainText("2 rows");
  await expect(item("export-2025-sales.csv")).toContainText("3 rows");
  await expect(item("regions.json")).toContainText("1 row");
  await expect(stagingArea(page).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText("portal-export.zip holds 3 data files (export-2024-sales.csv, export-2025-sales.csv, regions.json): each is staged on its own.")).toBeVisible();
  const zipHash = createHash("sha256").update(zip).digest("hex").slice(0, 12);
  await stagingArea(page).getByRole("button", { name: "regions.json", exact: true }).click();
  await expect((await openParsePanel(page)).getByText(`Made from the file “export/regions.json” of portal-export.zip (sha256 ${zipHash}), which the lineage of its versions names.`)).toBeVisible();
});

// An archive of no data file is still said for what it holds.
test("a ZIP archive of no data file is refused with what it holds", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "photos.zip", content: Buffer.from(zipSync({ "a.png": strToU8("x"), "notes.pdf": strToU8("y") })), mimeType: "application/zip" }]);
  await expect(page.getByRole("alert").filter({ hasText: "photos.zip" })).toContainText("This is a ZIP archive, not an Excel workbook: it holds a.png, notes.pdf.");
});
