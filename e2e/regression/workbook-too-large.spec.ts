import { appTest as test, expect } from "../support/test";
import { addFiles, openApp } from "../support/app";
import { xlsx } from "../support/files";

/** The workbook with its archive's directory saying that `part` inflates to `size` bytes (the part is not touched). */
function claimingSize(workbook: Buffer, part: string, size: number): Buffer {
  const bytes = Buffer.from(workbook);
  for (let at = bytes.lastIndexOf(Buffer.from("PK\x01\x02", "latin1")); at >= 0; at = bytes.lastIndexOf(Buffer.from("PK\x01\x02", "latin1"), at - 1)) {
    const name = bytes.subarray(at + 46, at + 46 + bytes.readUInt16LE(at + 28)).toString("latin1");
    if (name === part) {
      bytes.writeUInt32LE(size, at + 24);
      return bytes;
    }
  }
  throw new Error(`No ${part} in the workbook's directory`);
}

// A sheet whose XML is longer than the longest text a browser holds (Chromium: 512 MB; a sheet of 1,000,000 rows
// and 40 columns is 1.2 GB) decoded to nothing, and the workbook reader said "This is not a readable Excel workbook
// (missing start tag)" of a sound workbook. The size is now read from the archive's directory first.
test("a workbook with a sheet too long to read as text says so, by name, and what to do instead", async ({ page }) => {
  await openApp(page);
  const workbook = await xlsx([{ sheet: "Orders", rows: [["id"], [1]] }]);
  await addFiles(page, [{ name: "huge.xlsx", content: claimingSize(workbook, "xl/worksheets/sheet1.xml", 1_267_002_907) }]);
  const alert = page.getByRole("alert").filter({ hasText: "huge.xlsx" });
  await expect(alert).toContainText('This workbook is too large to read in a browser: Sheet "Orders" is 1.2 GB of XML');
  await expect(alert).toContainText("Save the sheet as CSV");
});
