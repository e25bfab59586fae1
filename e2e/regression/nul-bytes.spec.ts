import { gzipSync } from "node:zlib";
import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, openParsePanel, reread, rowTexts, stagingArea } from "../support/app";

// A database export that pads fixed-length fields with NUL bytes (and a file that ends in zeroes) was refused
// whole: "This is not a text file (byte 21 is a binary control character)".
test("a CSV with NUL bytes in it stages without them, and says how many were left out and where the first was", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},AB${i + 1}\0\0\0\0,${(i + 1) * 10}\0\0`);
  await addFiles(page, [{ name: "padded.csv", content: ["id,code,amount", ...rows, "\0\0\0\0\0\0"].join("\n") + "\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "padded.csv" })).toContainText("30 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "AB1", "10"]);
  const panel = await openParsePanel(page);
  await expect(panel.getByText("186 NUL bytes were left out of the text, the first on line 2: padding or a damaged file, not text.")).toBeVisible();
  await expect(panel.getByText("Lines: 32 lines = 30 in 30 rows + 1 header + 1 blank.")).toBeVisible();
});

// NULs only after the text's first 64 KB (a table dumped with its padding from some row on) stayed in the
// values: "AB6001\0\0" was another value than "AB6001", and "80000\0" set its row aside.
test("NUL bytes first found after the text's first 64 KB are left out too, and again when the file is read again", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 8000 }, (_, i) => `${i + 1},AB${i + 1}${i >= 6000 ? "\0\0" : ""},${(i + 1) * 10}${i === 7999 ? "\0" : ""}`);
  const content = ["id,code,amount", ...rows].join("\n") + "\n";
  expect(content.indexOf("\0")).toBeGreaterThan(64 * 1024);
  await addFiles(page, [{ name: "late.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "late.csv" })).toContainText("8,000 rows");
  const found = "4,001 NUL bytes were left out of the text, the first on line 6,002: padding or a damaged file, not text.";
  const panel = await openParsePanel(page);
  await expect(panel.getByText(found)).toBeVisible();
  await expect(panel.getByText("Lines: 8,001 lines = 8,000 in 8,000 rows + 1 header.")).toBeVisible();
  // Equal to the value without its padding: the NULs are out of the value, not just out of sight.
  const onlyRow = async () => {
    await page.getByLabel("Filter column of Staged data").selectOption("code");
    await page.getByLabel("Filter condition of Staged data").selectOption("=");
    await page.getByLabel("Filter value of Staged data").fill("AB8000");
    await page.getByRole("button", { name: "Add filter" }).first().click();
    await expect(page.getByRole("grid", { name: "Staged data" })).toHaveAttribute("aria-rowcount", "2");
    expect(await rowTexts(page, "Staged data", 2)).toEqual(["8000", "AB8000", "80000"]);
  };
  await onlyRow();

  // Read again (with bad lines stopping the read: "80000\0" would stop it), from the stored bytes alone.
  await reread(page, { "Bad lines": "stop" });
  await expect((await openParsePanel(page)).getByText(found)).toBeVisible();
  await onlyRow();
});

// The checksum's pass looked for NUL bytes in UTF-8 files only: in a Windows-1252 file, or in a gzip file's
// inflated text, NULs after the first 64 KB stayed in their values.
test.describe(() => {
  const text = ["id,name,amount", ...Array.from({ length: 8000 }, (_, i) => `${i + 1},Café ${i + 1}${i >= 6000 ? "\0\0" : ""},${(i + 1) * 10}`)].join("\r\n") + "\r\n";
  const cases = [
    { name: "latin.csv", content: Buffer.from(text, "latin1"), read: "CSV, windows-1252" },
    { name: "late.csv.gz", content: gzipSync(text), read: "CSV (gzip), utf-8" },
  ];
  for (const { name, content, read } of cases) {
    test(`NUL bytes after the first 64 KB of the text are left out of ${name} too`, async ({ page }) => {
      await openApp(page);
      expect(text.indexOf("\0")).toBeGreaterThan(64 * 1024);
      await addFiles(page, [{ name, content }]);
      await expect(stagingArea(page).getByRole("listitem").filter({ hasText: name })).toContainText("8,000 rows");
      const panel = await openParsePanel(page);
      await expect(panel.getByText(`How ${name} is read: ${read}`)).toBeVisible();
      await expect(panel.getByText("4,000 NUL bytes were left out of the text, the first on line 6,002: padding or a damaged file, not text.")).toBeVisible();
      await page.getByLabel("Filter column of Staged data").selectOption("name");
      await page.getByLabel("Filter condition of Staged data").selectOption("=");
      await page.getByLabel("Filter value of Staged data").fill("Café 8000");
      await page.getByRole("button", { name: "Add filter" }).first().click();
      await expect(page.getByRole("grid", { name: "Staged data" })).toHaveAttribute("aria-rowcount", "2");
    });
  }
});
