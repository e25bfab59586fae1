import { expect, test } from "./support/test";
import { addFiles, openAppWithDuckDbHeld, rowTexts, stagedGrid } from "./support/app";

// A JSON or NDJSON file showed nothing until all of it was parsed and loaded; a CSV file's first rows show at once.
for (const [name, content] of <[string, string][]>[
  ["orders.json", `[{"id": 1, "customer": {"name": "Ada"}, "total": 9.5}, {"id": 2, "customer": null, "total": 12}, ${Array.from({ length: 30 }, (_, i) => `{"id": ${i + 3}, "total": 1}`).join(", ")}]`],
  ["orders.ndjson", `{"id": 1, "customer": {"name": "Ada"}, "total": 9.5}\n{"id": 2, "customer": null, "total": 12}\n${Array.from({ length: 30 }, (_, i) => `{"id": ${i + 3}, "total": 1}`).join("\n")}\n`],
]) {
  test(`${name} dropped while the engine starts shows its first records at once, nested values as their JSON`, async ({ page }) => {
    const { release } = await openAppWithDuckDbHeld(page);
    await addFiles(page, [{ name, content }]);
    const head = page.getByRole("region", { name: `First rows of ${name}` });
    await expect(head.getByRole("columnheader")).toHaveText(["id", "customer", "total"]);
    await expect(head.getByRole("row").nth(1).getByRole("cell")).toHaveText(["1", '{"name":"Ada"}', "9.5"]);
    await expect(head.getByRole("row")).toHaveCount(21);
    release();
    await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "33", { timeout: 30_000 });
    await expect(head).toHaveCount(0);
    await expect.poll(async () => (await rowTexts(page, "Staged data", 2))[0]).toBe("1");
  });
}
