import { readFile } from "node:fs/promises";
import { expect, test } from "../support/test";
import { addFiles, destination, openApp, openParsePanel, rowTexts, stagingArea } from "../support/app";

// A CSV downloaded with the formula guard on (the default) writes '=A1 and '+44 20 7946 0958; staged again,
// each value kept its apostrophe: a round trip through Stages changed the data. Excel's own text mark
// ('00123, written by exports that want a code's zeros kept) stayed on every value the same way.
test("a guarded CSV download stages again with its values as they were; Excel's text mark comes off too", async ({ page }) => {
  await openApp(page);
  const content = "id,code,contact,amount\n1,'00123,=HYPERLINK(\"x\"),-12.5\n2,'00456,+44 20 7946 0958,3\n3,'00789,@home,4\n";
  await addFiles(page, [{ name: "contacts.csv", content }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "contacts.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "00123", '=HYPERLINK("x")', "-12.5"]);
  await page.getByLabel("Dataset name").fill("contacts");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").filter({ hasText: "contacts" })).toContainText("3 rows");

  const download = page.waitForEvent("download");
  await destination(page).getByRole("button", { name: /^Download contacts v1 as CSV/ }).click();
  const written = await readFile((await (await download).path())!, "utf8");
  expect(written).toContain("'+44 20 7946 0958");

  await addFiles(page, [{ name: "contacts-again.csv", content: written }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "contacts-again.csv" })).toContainText("3 rows");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "00456", "+44 20 7946 0958", "3.0"]);
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "00789", "@home", "4.0"]);
  await expect((await openParsePanel(page)).getByText("Read without the apostrophe that marks text for a spreadsheet ('00123, '=A1): contact.")).toBeVisible();
});
