import { expect, type Page } from "@playwright/test";

/** Shared steps for driving the app the way a user does: by role and name. */
export async function openApp(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
}

export async function addFiles(page: Page, files: { name: string; content: string | Buffer; mimeType?: string }[]) {
  await page.locator('input[type="file"]').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: f.mimeType ?? "text/csv",
      buffer: typeof f.content === "string" ? Buffer.from(f.content, "utf8") : f.content,
    })),
  );
}

export const stagingArea = (page: Page) => page.getByRole("region", { name: "Staging area" });
export const destination = (page: Page) => page.getByRole("region", { name: "Destination" });
export const stagedGrid = (page: Page) => page.getByRole("grid", { name: "Staged data" });

/** The text of every cell of one grid row, by its aria-rowindex (1 is the header). */
export async function rowTexts(page: Page, gridName: string, rowIndex: number): Promise<string[]> {
  const row = page.getByRole("grid", { name: gridName }).locator(`[role="row"][aria-rowindex="${rowIndex}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByRole("gridcell").first()).not.toHaveText("", { timeout: 10_000 }).catch(() => undefined);
  return row.getByRole("gridcell").allTextContents();
}
