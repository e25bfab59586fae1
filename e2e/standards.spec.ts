import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { type Page } from "@playwright/test";
import { appTest, expect, test } from "./support/test";
import Ajv from "ajv";
import { unzipSync } from "fflate";
import { parse } from "yaml";
import { addFiles, destination, openApp, openStep, rowTexts, stagingArea } from "./support/app";
import { addRule, expectCounts } from "./support/recipe";

const PEOPLE = "id,name,team\n1,Ada,red\n2,B,blue\n2,Cy,green\n";
const SCHEMA = {
  fields: [
    { name: "id", type: "integer", constraints: { required: true, unique: true } },
    { name: "name", type: "string", constraints: { required: true, minLength: 2 } },
    { name: "team", type: "string", constraints: { enum: ["red", "blue"] } },
  ],
  missingValues: ["", "NA"],
  foreignKeys: [
    { fields: "team", reference: { resource: "teams", fields: "name" } },
    { fields: ["id", "name"], reference: { resource: "staff", fields: ["id"] } },
  ],
};
const TEAMS = "name,city\nred,Oslo\nblue,Lima\n";
const profile = (name: string) => {
  const { $schema: _, ...schema } = JSON.parse(readFileSync(new URL(`../lib/standards/profiles/${name}`, import.meta.url), "utf8"));
  return new Ajv({ strict: false, validateFormats: false }).compile(schema);
};

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent("download");
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

appTest("a Table Schema imports as the recipe's rules and read options once the user has seen them", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [
    { name: "people.csv", content: `${PEOPLE}4,NA,red\n` },
    { name: "teams.csv", content: TEAMS },
  ]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "teams.csv" })).toContainText("2 rows");
  await stagingArea(page).getByRole("button", { name: "people.csv", exact: true }).click();
  await expectCounts(page, "4 rows in");
  await openStep(page, "Validate");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import Table Schema" }).click();
  await (await chooser).setFiles({ name: "people.schema.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(SCHEMA)) });

  const consent = page.getByRole("dialog", { name: "Apply the recipe from people.schema.json?" });
  const rules = consent.getByRole("list", { name: "Rules, steps and SQL of the recipe" });
  await expect(rules).toContainText('"id" must be a whole number');
  await expect(rules).toContainText('"team" must be one of: red, blue');
  // The foreign key into teams looks values up in the staged teams.csv, which the consent names; one that pairs two fields with one is left out.
  await expect(rules).toContainText('"team" must be one of the "name" values of teams');
  await expect(consent.getByRole("list", { name: "Staged files the recipe reads" })).toContainText("Your staged file teams.csv (as teams)");
  await expect(consent.getByRole("list", { name: "Left out of the schema" })).toHaveText("the foreign key (id, name) → staff (id): it pairs 2 fields with 1");
  // The schema's missing values are how the file is read: "NA" is an empty name.
  await expect(rules).toContainText("Reading: Read the file with “NA” read as empty");
  await consent.getByRole("button", { name: "Apply recipe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "people.schema.json" })).toContainText("people.csv read with its options: “NA” read as empty");
  // Row 2's name is one letter; rows 2 and 3 share id 2; row 3's team is not in the list; row 4 has no name.
  await expectCounts(page, "4 rows in = 1 valid after steps + 3 rejected");
});

appTest("a Table Schema's foreign key over two fields looks each row's pair up in another staged file", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [
    { name: "orders.csv", content: "id,customer,day\n1,Ada,2024-01-01\n2,Ada,2024-01-02\n3,Bo,2024-01-02\n4,,2024-01-03\n" },
    { name: "visits.csv", content: "customer,day\nAda,2024-01-01\nBo,2024-01-02\n" },
  ]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "visits.csv" })).toContainText("2 rows");
  await stagingArea(page).getByRole("button", { name: "orders.csv", exact: true }).click();
  await expectCounts(page, "4 rows in");
  await openStep(page, "Validate");
  const schema = {
    fields: [{ name: "id", type: "integer" }, { name: "customer", type: "string" }, { name: "day", type: "date" }],
    foreignKeys: [{ fields: ["customer", "day"], reference: { resource: "visits", fields: ["customer", "day"] } }],
  };
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import Table Schema" }).click();
  await (await chooser).setFiles({ name: "orders.schema.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(schema)) });
  const consent = page.getByRole("dialog", { name: "Apply the recipe from orders.schema.json?" });
  await expect(consent.getByRole("list", { name: "Rules, steps and SQL of the recipe" })).toContainText('("customer", "day") must be one of the ("customer", "day") values of visits');
  await expect(consent.getByRole("list", { name: "Staged files the recipe reads" })).toContainText("Your staged file visits.csv (as visits)");
  await consent.getByRole("button", { name: "Apply recipe" }).click();
  // Ada did not visit on 2024-01-02; a pair with an empty part is not looked up.
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["3", "2", "Ada", "2024-01-02", '("customer", "day") must be one of the ("customer", "day") values of visits (value: Ada)']);
});

appTest("a foreign key into the file itself: each boss is one of the file's ids", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "staff.csv", content: "id,name,boss\n1,Ada,\n2,Bo,1\n3,Cy,7\n" }]);
  await expectCounts(page, "3 rows in");
  await addRule(page, "Found in a column (foreign key)", { Column: "boss", "Staged file": "(this file)", "Its column": "id" });
  await expectCounts(page, "3 rows in = 2 valid after steps + 1 rejected");
  await expect(page.getByRole("listitem").filter({ hasText: '"boss" must be one of the "id" values of this file' })).toContainText("1 row failing");
});

appTest("a foreign key added by hand looks each value up in another staged file, and downloads as one", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [
    { name: "people.csv", content: `${PEOPLE}4,Di,\n` },
    { name: "teams.csv", content: TEAMS },
  ]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "teams.csv" })).toContainText("2 rows");
  await stagingArea(page).getByRole("button", { name: "people.csv", exact: true }).click();
  await expectCounts(page, "4 rows in");
  await addRule(page, "Found in a column (foreign key)", { Column: "team", "Staged file": "teams", "Its column": "name" });
  // No team is named green; an empty team passes, as it does for a foreign key.
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
  await openStep(page, "Review");
  await expect.poll(() => rowTexts(page, "Rejected rows", 2)).toEqual(["4", "2", "Cy", "green", '"team" must be one of the "name" values of teams (value: green)']);

  await openStep(page, "Validate");
  await page.getByLabel("Write the rules as").selectOption({ label: "Frictionless Table Schema (JSON)" });
  const schema = await downloaded(page, () => page.getByRole("button", { name: "Download the rules" }).click());
  const table = JSON.parse(schema.bytes.toString("utf8"));
  expect(profile("table-schema.json")(table)).toBe(true);
  expect(table.foreignKeys).toEqual([{ fields: "team", reference: { resource: "teams", fields: "name" } }]);

  // Its file removed, the recipe runs again by itself and the rule says what it lacks; staged again, the rule runs.
  await stagingArea(page).getByRole("button", { name: "Remove teams.csv from staging" }).click();
  await expect(page.getByRole("alert").filter({ hasText: 'looks values up in the staged file "teams", and no other staged file has that SQL name' })).toBeVisible();
  await addFiles(page, [{ name: "teams.csv", content: TEAMS }]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "teams.csv" })).toContainText("2 rows");
  await stagingArea(page).getByRole("button", { name: "people.csv", exact: true }).click();
  await expectCounts(page, "4 rows in = 3 valid after steps + 1 rejected");
});

appTest("the rules download as a Table Schema, a dbt schema.yml, a Great Expectations suite and SodaCL checks", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE }]);
  await expectCounts(page, "3 rows in");
  await addRule(page, "Required (not empty)", { Column: "name" });
  await addRule(page, "Unique", { Column: "id" });
  await expectCounts(page, "3 rows in = 1 valid after steps + 2 rejected");
  await openStep(page, "Validate");
  const as = page.getByLabel("Write the rules as");
  const download = async (label: string) => {
    await as.selectOption({ label });
    return downloaded(page, () => page.getByRole("button", { name: "Download the rules" }).click());
  };

  const schema = await download("Frictionless Table Schema (JSON)");
  expect(schema.name).toBe("people.schema.json");
  const table = JSON.parse(schema.bytes.toString("utf8"));
  expect(profile("table-schema.json")(table)).toBe(true);
  expect(table.fields).toEqual([
    { name: "id", type: "integer", constraints: { unique: true } },
    { name: "name", type: "string", constraints: { required: true } },
    { name: "team", type: "string" },
  ]);

  const dbt = await download("dbt schema.yml");
  expect(dbt.name).toBe("schema.yml");
  const model = parse(dbt.bytes.toString("utf8")).models[0];
  expect(model).toEqual({ name: "people", columns: [{ name: "name", data_tests: ["not_null"] }, { name: "id", data_tests: ["unique"] }] });

  const gx = JSON.parse((await download("Great Expectations suite (JSON)")).bytes.toString("utf8"));
  expect(gx.expectations.map((e: { type: string }) => e.type)).toEqual(["expect_column_values_to_not_be_null", "expect_column_values_to_be_unique"]);

  const soda = parse((await download("SodaCL checks (YAML)")).bytes.toString("utf8"));
  expect(soda).toEqual({ "checks for people": ["missing_count(name) = 0", "duplicate_count(id) = 0"] });
});

test("a promoted version has a datapackage.json beside its manifest, and downloads as a Data Package: its Parquet file, a datapackage.json the specification accepts, and its manifest", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE }]);
  await expectCounts(page, "3 rows in");
  await page.getByRole("button", { name: "Promote" }).click();
  await expect(destination(page).getByRole("listitem").first()).toContainText("v1 · 3 rows");
  const stored = await page.evaluate(async () => {
    const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle("datasets")).getDirectoryHandle("people");
    return JSON.parse(await (await (await dir.getFileHandle("v1.datapackage.json")).getFile()).text());
  });
  expect(profile("tabular-data-package.json")(stored)).toBe(true);
  await destination(page).getByLabel("Licence in the Data Package").selectOption("CC-BY-4.0");
  const zip = await downloaded(page, () => destination(page).getByRole("button", { name: "Download people v1 as a Data Package (zip)" }).click());
  expect(zip.name).toBe("people-v1.datapackage.zip");
  const files = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(files).sort()).toEqual(["datapackage.json", "v1.manifest.json", "v1.parquet"]);
  const pkg = JSON.parse(Buffer.from(files["datapackage.json"]!).toString("utf8"));
  expect(profile("tabular-data-package.json")(pkg)).toBe(true);
  const parquet = Buffer.from(files["v1.parquet"]!);
  expect(pkg.resources[0]).toMatchObject({
    path: "v1.parquet",
    bytes: parquet.length,
    hash: `sha256:${createHash("sha256").update(parquet).digest("hex")}`,
    schema: { fields: [{ name: "id", type: "integer" }, { name: "name", type: "string" }, { name: "team", type: "string" }] },
    stages: { rows: 3 },
  });
  expect(pkg.sources).toEqual([expect.objectContaining({ title: "people.csv" })]);
  expect(pkg.licenses).toEqual([{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" }]);
  const { licenses: _, ...withoutLicence } = pkg;
  expect(withoutLicence).toEqual(stored);
});

appTest("the run's checks download as a Frictionless validation report beside the rejected rows", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE }]);
  await expectCounts(page, "3 rows in");
  await addRule(page, "Unique", { Column: "id" });
  await addRule(page, "One of a list", { Column: "team", "Allowed values (comma-separated)": "red, blue" }, "Only warn");
  // The warning (on a row also rejected) does not change the counts of the run before it: wait for the run that has it.
  await expect(page.getByRole("listitem").filter({ hasText: '"team" must be one of' })).toContainText("1 row failing");
  await expectCounts(page, "3 rows in = 1 valid after steps + 2 rejected");
  await openStep(page, "Review");
  const report = await downloaded(page, () => page.getByRole("button", { name: "Download the validation report (Frictionless JSON)" }).click());
  expect(report.name).toBe("people-validation-report.json");
  const json = JSON.parse(report.bytes.toString("utf8"));
  expect(json).toMatchObject({ valid: false, stats: { tasks: 1, errors: 2, warnings: 1 } });
  const task = json.tasks[0];
  expect(task).toMatchObject({ place: "people.csv", labels: ["id", "name", "team"], stats: { rows: 3, fields: 3 } });
  expect(task.errors.map((e: Record<string, unknown>) => [e.type, e.rowNumber, e.fieldName, e.fieldNumber, e.cell])).toEqual([
    ["unique-error", 3, "id", 1, "2"],
    ["unique-error", 4, "id", 1, "2"],
  ]);
  expect(task.warnings).toEqual(['row 4, field "team": "team" must be one of: red, blue']);
});

appTest("the imports and exports of the data standards are reached and used with the keyboard alone", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE }]);
  await expectCounts(page, "3 rows in");
  await addRule(page, "Unique", { Column: "id" });
  await expectCounts(page, "3 rows in = 1 valid after steps + 2 rejected");
  // Listening turns on Playwright's file chooser interception, which takes effect asynchronously: start it
  // before focusing, or a Space pressed right away can open (and lose) a real chooser, as it did in a full run.
  const chooser = page.waitForEvent("filechooser");
  await openStep(page, "Validate");
  // Import Table Schema is a real button: focus reaches it, Space opens the file chooser.
  const importSchema = page.getByRole("button", { name: "Import Table Schema" });
  await importSchema.focus();
  await expect(importSchema).toBeFocused();
  await page.keyboard.press("Space");
  await (await chooser).setFiles({ name: "people.schema.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(SCHEMA)) });
  await page.getByRole("dialog", { name: "Apply the recipe from people.schema.json?" }).getByRole("button", { name: "Don't apply" }).press("Enter");

  // The rules' download: a select changed with the arrows, then Tab to the button and Enter.
  const as = page.getByLabel("Write the rules as");
  await as.focus();
  await page.keyboard.press("ArrowDown");
  await expect(as).toHaveValue("dbt");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Download the rules" })).toBeFocused();
  const dbt = await downloaded(page, () => page.keyboard.press("Enter"));
  expect(dbt.name).toBe("schema.yml");
});
