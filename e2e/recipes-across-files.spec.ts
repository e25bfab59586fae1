import { readFile } from "node:fs/promises";
import Ajv2020 from "ajv/dist/2020.js";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { addFiles, destination, openApp, openStep, stagedGrid, stagingArea } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

const JANUARY = ["order_id,customer,email,amount,zip", "1,Ada,a@x.org,10,10115", "2,Bo,,5,10117", ""].join("\n");
// Next month: two columns renamed (order_id, customer), email moved, one new (channel), one gone (zip).
const FEBRUARY = ["Order ID,email,customer_name,amount,channel", "3,c@x.org,Cy,7,web", "4,,Di,9,shop", "5,e@x.org,Ed,2,web", ""].join("\n");
const MARCH = ["Order ID,email,customer_name,amount,channel", "6,f@x.org,Fa,1,web", ""].join("\n");

async function applySaved(page: Page, name: string) {
  await openStep(page, "Validate");
  await page.getByLabel("Saved recipes").selectOption(name);
  await page.getByRole("button", { name: "Apply saved recipe" }).click();
}

test("a saved recipe applied to a file with renamed, moved, new and missing columns: matches proposed, confirmed, drift stated, and remembered", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "january.csv", content: JANUARY }]);
  await expectCounts(page, "2 rows in");
  await addRule(page, "Required (not empty)", { Column: "email" });
  await addRule(page, "Matches a pattern", { Column: "zip", "Regular expression": "^[0-9]{5}$" });
  await expectCounts(page, "2 rows in = 1 valid after steps + 1 rejected");
  await page.getByLabel("Recipe name").fill("monthly");
  await page.getByRole("button", { name: "Save recipe" }).click();

  await addFiles(page, [{ name: "february.csv", content: FEBRUARY }]);
  await expectCounts(page, "3 rows in");
  await applySaved(page, "monthly");
  const dialog = page.getByRole("dialog", { name: "Match the recipe's columns to february.csv" });
  const select = (column: string) => dialog.getByLabel(`Column of february.csv for ${column}`);
  await expect(select("order_id")).toHaveValue("Order ID");
  await expect(select("customer")).toHaveValue("customer_name");
  await expect(select("email")).toHaveValue("email");
  await expect(select("zip")).toHaveValue("");
  await expect(dialog.getByRole("row", { name: /order_id/ })).toContainText("same letters");
  await expect(dialog.getByRole("status")).toHaveText(
    "Drift against the recipe: renamed: Order ID → order_id, customer_name → customer; new: channel; missing: zip.",
  );
  // The rule on zip cannot apply: it is left out only once the user agrees.
  const apply = dialog.getByRole("button", { name: "Apply with these matches" });
  await expect(apply).toBeDisabled();
  await dialog.getByLabel(/Leave out what names a missing column \(zip\): rule 2/).check();
  await apply.click();

  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["order_id", "email", "customer", "amount", "channel"]);
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await expect(page.getByRole("region", { name: "Validation rules" }).getByRole("listitem")).toHaveText([/"email" is required/]);
  await page.getByText("Audit log", { exact: true }).click();
  await expect(page.getByRole("list", { name: "Audit events" })).toContainText("drift february.csv");
  // The drift goes with the version promoted from the file.
  await page.getByRole("button", { name: "Promote", exact: true }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 2 rows");
  await destination(page).getByText("Versions of february").click();
  const version = destination(page).getByRole("listitem", { name: "february v1" });
  await version.getByRole("button", { name: "Manifest of february v1" }).click();
  expect(JSON.parse((await version.locator("pre").textContent())!).drift).toEqual({
    added: ["channel"],
    missing: ["zip"],
    retyped: [],
    renamed: [
      { from: "Order ID", to: "order_id" },
      { from: "customer_name", to: "customer" },
    ],
    read: [],
  });

  // The next file with the same header: the matches confirmed before are proposed first.
  await addFiles(page, [{ name: "march.csv", content: MARCH }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "march.csv" })).toContainText("1 row");
  await applySaved(page, "monthly");
  const next = page.getByRole("dialog", { name: "Match the recipe's columns to march.csv" });
  await expect(next.getByRole("row", { name: /customer VARCHAR/ })).toContainText("matched before");
  await next.getByLabel(/Leave out what names a missing column/).check();
  await next.getByRole("button", { name: "Apply with these matches" }).click();
  await expectCounts(page, "1 row in = 1 valid after steps + 0 rejected");
});

test("a recipe carries how its file was read: the next file is read that way first, as the consent said", async ({ page }) => {
  await openApp(page);
  // No header row: every line is data; read as it comes, its first line would be taken for column names.
  await addFiles(page, [{ name: "visits.csv", content: "alice,Lyon\nbob,\ncarol,Oslo\n" }]);
  await expectCounts(page, "2 rows in");
  const recipe = {
    version: 1,
    rules: [{ id: "r1", kind: "required", column: "column1", severity: "reject", enabled: true }],
    steps: [],
    sql: null,
    expects: { columns: [{ name: "column0", type: "VARCHAR" }, { name: "column1", type: "VARCHAR" }], read: { format: "csv", header: false } },
  };
  await openStep(page, "Validate");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import recipe" }).click();
  await (await chooser).setFiles({ name: "visits.recipe.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(recipe)) });
  const consent = page.getByRole("dialog", { name: "Apply the recipe from visits.recipe.json?" });
  await expect(consent.getByRole("list", { name: "Rules, steps and SQL of the recipe" })).toContainText("Reading: Read the file with no header row");
  await consent.getByRole("button", { name: "Apply recipe" }).click();

  await expect(page.getByRole("status").filter({ hasText: "visits.recipe.json" })).toContainText("visits.csv read with its options: no header row");
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await expect(stagedGrid(page).getByRole("columnheader").first()).toContainText("column0");
});

test("a folder of three monthly files goes through one recipe into one dataset whose rows carry their file and whose counts reconcile per file", async ({ page }) => {
  const month = (ids: number[], missing: number[]) => ["id,amount", ...ids.map((id) => `${id},${missing.includes(id) ? "" : id * 10}`), ""].join("\n");
  const files = [
    { name: "2026-01.csv", content: month([1, 2, 3], [2]) },
    { name: "2026-02.csv", content: month([4, 5], []) },
    { name: "2026-03.csv", content: month([6, 7, 8, 9], [7, 9]) },
  ];
  await openApp(page);
  await addFiles(page, files);
  await expect(page.getByRole("status").filter({ hasText: "Staged 2026-03.csv" })).toBeVisible();
  await stagingArea(page).getByRole("button", { name: "2026-01.csv", exact: true }).click();
  await expectCounts(page, "3 rows in");
  await addRule(page, "Required (not empty)", { Column: "amount" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");

  await openStep(page, "Promote");
  await page.getByLabel("Dataset name").fill("monthly");
  const several = page.getByRole("region", { name: "Several files, one dataset" });
  await several.getByRole("checkbox", { name: /2026-02\.csv/ }).check();
  await several.getByRole("checkbox", { name: /2026-03\.csv/ }).check();
  await several.getByRole("button", { name: "Promote 3 files as one version" }).click();
  const table = several.getByRole("table", { name: /the rows of each file/ });
  await expect(table.getByRole("row")).toHaveText(["FileRows inPromotedRejected", "2026-01.csv321", "2026-02.csv220", "2026-03.csv422"]);
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 6 rows");

  const manifest = JSON.parse((await download(page, /Download monthly v1 manifest/)).toString("utf8"));
  expect(manifest.rows).toEqual({ in: 9, valid: 6, rejected: 3, promoted: 6 });
  expect(manifest.sources.map((s: { name: string; rows: unknown }) => [s.name, s.rows])).toEqual([
    ["2026-01.csv", { in: 3, rejected: 1, promoted: 2 }],
    ["2026-02.csv", { in: 2, rejected: 0, promoted: 2 }],
    ["2026-03.csv", { in: 4, rejected: 2, promoted: 2 }],
  ]);
  const ndjson = (await download(page, /Download monthly v1 as NDJSON/)).toString("utf8");
  expect(ndjson.trimEnd().split("\n").map((l) => JSON.parse(l))).toEqual([
    { id: 1, amount: 10, _source_file: "2026-01.csv" },
    { id: 3, amount: 30, _source_file: "2026-01.csv" },
    { id: 4, amount: 40, _source_file: "2026-02.csv" },
    { id: 5, amount: 50, _source_file: "2026-02.csv" },
    { id: 6, amount: 60, _source_file: "2026-03.csv" },
    { id: 8, amount: 80, _source_file: "2026-03.csv" },
  ]);
});

test("a file of the batch whose columns are named otherwise is matched once, then goes in with the others", async ({ page }) => {
  await twoFilesWithARule(page, "north.csv", { name: "south.csv", content: "ID,Amount\n3,30\n4,40\n" });
  await page.getByLabel("Dataset name").fill("regions");
  const several = page.getByRole("region", { name: "Several files, one dataset" });
  await expect(several.getByRole("checkbox", { name: /south\.csv/ })).toBeDisabled();
  await several.getByRole("button", { name: "Match the columns of south.csv" }).click();
  const dialog = page.getByRole("dialog", { name: "Match the recipe's columns to south.csv" });
  await expect(dialog.getByLabel("Column of south.csv for amount")).toHaveValue("Amount");
  await dialog.getByRole("button", { name: "Apply with these matches" }).click();
  await several.getByRole("checkbox", { name: /south\.csv/ }).check();
  await several.getByRole("button", { name: "Promote 2 files as one version" }).click();
  await expect(several.getByRole("table", { name: /the rows of each file/ }).getByRole("row")).toHaveText(["FileRows inPromotedRejected", "north.csv211", "south.csv220"]);
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 3 rows");
});

test("a recipe exported, changed in a text editor and imported again validates against docs/recipe.schema.json and applies", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "stock.csv", content: "sku,count\nA1,3\nB2,-1\nC3,\n" }]);
  await expectCounts(page, "3 rows in");
  await addRule(page, "Required (not empty)", { Column: "count" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await openStep(page, "Validate");
  const exported = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export recipe" }).click();
  const text = await readFile((await (await exported).path())!, "utf8");

  // As a person would in an editor: one more rule, typed into the JSON text.
  const edited = text.replace(/"rules": \[/, '"rules": [\n    { "id": "min", "kind": "range", "column": "count", "min": "0", "severity": "reject" },');
  const schema = JSON.parse(await readFile(new URL("../docs/recipe.schema.json", import.meta.url), "utf8"));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(JSON.parse(edited)), JSON.stringify(validate.errors)).toBe(true);

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import recipe" }).click();
  await (await chooser).setFiles({ name: "stock.recipe.json", mimeType: "application/json", buffer: Buffer.from(edited) });
  await page.getByRole("dialog", { name: "Apply the recipe from stock.recipe.json?" }).getByRole("button", { name: "Apply recipe" }).click();
  await expectCounts(page, "3 rows in = 1 valid after steps + 2 rejected");
});

test("several files through one recipe into a dataset each, named after its file", async ({ page }) => {
  await twoFilesWithARule(page, "east.csv", { name: "west.csv", content: "id,amount\n3,30\n4,40\n" });
  const several = page.getByRole("region", { name: "Several files, one dataset" });
  await several.getByRole("checkbox", { name: /west\.csv/ }).check();
  await several.getByRole("radio", { name: "a dataset each, named after its file" }).check();
  await several.getByRole("button", { name: "Promote 2 files, a dataset each" }).click();
  await expect(several.getByRole("table", { name: "A dataset each: the rows of each file" }).getByRole("row")).toHaveText(["FileRows inPromotedRejected", "east.csv211", "west.csv220"]);
  const datasets = destination(page).getByRole("listitem");
  await expect(datasets.filter({ hasText: "east" })).toContainText("v1 · 1 row");
  await expect(datasets.filter({ hasText: "west" })).toContainText("v1 · 2 rows");
});

test("a column named like nothing the recipe knows is matched by what its values look like", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "signups.csv", content: "name,email,age\nAda,ada@x.org,31\nBo,bo@y.com,45\n" }]);
  await expectCounts(page, "2 rows in");
  await addRule(page, "Required (not empty)", { Column: "email" });
  await page.getByLabel("Recipe name").fill("signups");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved the recipe as “signups”" })).toBeVisible();

  await addFiles(page, [{ name: "export.csv", content: "name,col_7,age\nCy,cy@z.net,40\nDi,,22\nEd,ed@w.io,35\n" }]);
  await expectCounts(page, "3 rows in");
  await applySaved(page, "signups");
  const dialog = page.getByRole("dialog", { name: "Match the recipe's columns to export.csv" });
  await expect(dialog.getByLabel("Column of export.csv for email")).toHaveValue("col_7");
  await expect(dialog.getByRole("row", { name: /email/ })).toContainText("values alike");
  await dialog.getByRole("button", { name: "Apply with these matches" }).click();
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
});

/** Two staged files, the first (one empty amount of two rows) opened with a rule on amount, at its Promote step. */
async function twoFilesWithARule(page: Page, first: string, second: { name: string; content: string }) {
  await openApp(page);
  await addFiles(page, [{ name: first, content: "id,amount\n1,10\n2,\n" }, second]);
  await expect(page.getByRole("status").filter({ hasText: `Staged ${second.name}` })).toBeVisible();
  await stagingArea(page).getByRole("button", { name: first, exact: true }).click();
  await addRule(page, "Required (not empty)", { Column: "amount" });
  await expectCounts(page, "2 rows in = 1 valid after steps + 1 rejected");
  await openStep(page, "Promote");
}

async function download(page: Page, name: RegExp): Promise<Buffer> {
  const pending = page.waitForEvent("download");
  await destination(page).getByRole("button", { name }).click();
  return readFile((await (await pending).path())!);
}
