import { readFile } from "node:fs/promises";
import { expect, test } from "../support/test";
import { addFiles, openApp, stagedIds, stagingArea } from "../support/app";
import { expectCounts } from "../support/recipe";

// A file removed while its recipe ran: the run went on, and its validation was logged after the
// file's deletion (seen as a flaky audit-log test, when Clear staging caught b.csv's run at its end).
// Removing a file now cancels the runs on it.
test("removing a file while its recipe runs cancels the run: nothing of it is logged after the deletion", async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, { testHooks: true });
  const rows = Array.from({ length: 800_000 }, (_, i) => `${i},name ${i},${i % 1000}`).join("\n");
  await addFiles(page, [{ name: "orders.csv", content: `id,name,amount\n${rows}\n` }]);
  await expectCounts(page, "800,000 rows in");

  // The engine's own API: the file is removed as soon as the run reports its first phase.
  const result = await page.evaluate(async (fileId) => {
    type Engine = Record<string, (...a: unknown[]) => Promise<{ ok: boolean; error?: { message: string } }>>;
    const { engine, callback } = (window as unknown as { stages: { engine: Engine; callback<A>(fn: (a: A) => void): (a: A) => void } }).stages;
    const recipe = { version: 1, rules: [{ id: "name", kind: "required", column: "name", severity: "reject", enabled: true }], steps: [] };
    let removed: Promise<unknown> | null = null;
    const run = engine.runRecipe!(fileId, recipe, crypto.randomUUID(), callback(() => (removed ??= engine.removeStaged!(fileId))));
    const outcome = await run;
    await removed;
    return { outcome, removed: removed !== null };
  }, (await stagedIds(page))["orders.csv"]!);
  expect(result.removed).toBe(true);
  expect(result.outcome).toEqual({ ok: false, error: { message: "Cancelled. Nothing was changed." } });
  await expect(stagingArea(page).getByText("orders.csv")).toHaveCount(0);

  await page.getByText("Audit log", { exact: true }).click();
  const pending = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export audit log as NDJSON" }).click();
  const events = (await readFile((await (await pending).path())!, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l) as { kind: string; file?: string });
  expect(events.filter((e) => e.file === "orders.csv").map((e) => e.kind)).toEqual(["add", "read", "validate", "delete-file"]);
});
