import { existsSync } from "node:fs";
import { expect, test } from "./support/test";
import { addFiles, rowTexts, stagedGrid } from "./support/app";

test("the site built for a sub-path works there: engine, staging, sample data, all from under /stages/", async ({ page, baseURL }) => {
  expect(existsSync(".subpath/stages/index.html"), "run the README's test command, which builds the sub-path site").toBe(true);
  const sub = baseURL!.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`) + "/stages/";
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(sub) && !/^(blob|data):/.test(r.url())) outside.push(r.url());
  });
  await page.goto(sub);
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await addFiles(page, [{ name: "sub.csv", content: "a,b\n1,x\n" }]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "x"]);
  await page.getByRole("button", { name: "Try sample data" }).click();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "61");
  expect(outside, "every request stays under the sub-path").toEqual([]);
});
