import { appTest as test, expect } from "../support/test";
import { addFiles, openApp, parsePanel, rowTexts, stagingArea } from "../support/app";

// Timestamps with no day above 12 were read day first (1/2/2024 2:05:09 as 1 February) without a word, while
// dates alone were flagged and could be read month first.
test("timestamps whose day/month order is ambiguous are flagged, and the user picks", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 6 }, (_, i) => `${i + 1},1/${i + 1}/2024 ${i + 1}:05:09`);
  await addFiles(page, [{ name: "events.csv", content: ["id,at", ...rows].join("\n") + "\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "events.csv" })).toContainText("6 rows");
  const flag = parsePanel(page).getByRole("alert");
  await expect(flag).toContainText("Dates in at could be day/month or month/day: no day is above 12. They were read as %d/%m/%Y %H:%M:%S.");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-02-01 02:05:09"]);
  await flag.getByRole("button", { name: "Read dates as %m/%d/%Y %H:%M:%S" }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-01-02 02:05:09"]);
  await expect(parsePanel(page).getByRole("alert")).toHaveCount(0);
});

// Without seconds (1/2/2024 13:45, as Excel writes them), DuckDB's sniffer reads no timestamp, and the column stayed text.
test("timestamps without seconds whose day/month order is ambiguous are read as timestamps, flagged, and the user picks", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 6 }, (_, i) => `${i + 1},1/${i + 1}/2024 ${i + 10}:45`);
  await addFiles(page, [{ name: "shifts.csv", content: ["id,start", ...rows].join("\n") + "\n" }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "shifts.csv" })).toContainText("6 rows");
  const flag = parsePanel(page).getByRole("alert");
  await expect(flag).toContainText("Dates in start could be day/month or month/day: no day is above 12. They were read as %d/%m/%Y %H:%M.");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-02-01 11:45:00"]);
  await flag.getByRole("button", { name: "Read dates as %m/%d/%Y %H:%M" }).click();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "2024-01-02 11:45:00"]);
  await expect(parsePanel(page).getByRole("alert")).toHaveCount(0);
});
