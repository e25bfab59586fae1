import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, rowTexts, stagedGrid } from "../support/app";

// JSON.parse rounds whole numbers beyond 2^53: an ID 1234567890123456789 staged as 1234567890123456800.
test("long whole numbers in JSON stage with every digit", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "tweets.json", content: '[{"id": 1234567890123456789, "amount": 123456789012345678901234}, {"id": 5, "amount": 1}]', mimeType: "application/json" }]);
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "amount"]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1234567890123456789", "123456789012345678901234"]);
});
