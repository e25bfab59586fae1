import { createServer, type Server } from "node:http";
import { deflateSync, strToU8 } from "fflate";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import type { Recipe } from "@/lib/recipe/schema";
import { fineRecipes, hostileRecipes } from "../test/hostile-recipes/corpus";
import { addFiles, openApp, openStep, stagedIds, stagingArea } from "./support/app";
import { expectCounts } from "./support/recipe";

/**
 * Recipes from a hostile sender, in the real app: each is imported, opened
 * from a link, typed as SQL, run and promoted through the engine; a decoy
 * server on another local port (which would answer anyone, CORS and all)
 * must hear nothing. The corpus is test/hostile-recipes/corpus.ts.
 */
const ORDERS = "id,email,amount\n1,a@x.org,10\n2,,5\n3,c@x.org,7\n";
const CUSTOMERS = "id,name\n1,Ana\n3,Cy\n";
let decoy: Server;
let decoyUrl = "";
const heard: string[] = [];

test.beforeAll(async () => {
  decoy = createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "text/csv", "access-control-allow-origin": "*" });
    res.end("a,b\n1,2\n");
  });
  await new Promise<void>((resolve) => decoy.listen(0, "127.0.0.1", resolve));
  decoyUrl = `http://127.0.0.1:${(decoy.address() as { port: number }).port}`;
});
test.afterAll(() => decoy.close());

async function stageOrdersAndCustomers(page: Page) {
  await addFiles(page, [
    { name: "orders.csv", content: ORDERS },
    { name: "customers.csv", content: CUSTOMERS },
  ]);
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "customers.csv" })).toContainText("2 rows");
  await expect(stagingArea(page).getByRole("listitem").filter({ hasText: "orders.csv" })).toContainText("3 rows");
}

test("the engine refuses every hostile recipe, whether checked, run or promoted, and runs the fine ones", async ({ page }) => {
  await openApp(page, { testHooks: true });
  await stageOrdersAndCustomers(page);
  const ids = await stagedIds(page);
  const run = (recipes: { name: string; recipe: Recipe }[]) =>
    page.evaluate(
      async ({ recipes, fileId }) => {
        type R = { ok: boolean; value?: { final?: number; reads?: string[] } };
        const { engine } = (window as unknown as { stages: { engine: Record<string, (...a: unknown[]) => Promise<R>> } }).stages;
        const out: { name: string; checked: R; run: R; promoted: R }[] = [];
        for (const { name, recipe } of recipes) {
          const checked = await engine.checkRecipe!(fileId, recipe);
          const ran = await engine.runRecipe!(fileId, recipe, crypto.randomUUID());
          const promoted = await engine.promote!(fileId, recipe, "hostile", crypto.randomUUID());
          out.push({ name, checked, run: { ok: ran.ok, value: { final: ran.value?.final } }, promoted: { ok: promoted.ok } });
        }
        return out;
      },
      { recipes, fileId: ids["orders.csv"]! },
    );

  const hostile = await run(hostileRecipes(decoyUrl));
  expect(hostile).toHaveLength(hostileRecipes(decoyUrl).length);
  for (const outcome of hostile) expect([outcome.name, outcome.checked.ok, outcome.run.ok, outcome.promoted.ok]).toEqual([outcome.name, false, false, false]);

  const fine = await run(fineRecipes.filter((f) => f.name !== "plain SQL"));
  for (const outcome of fine) expect([outcome.name, outcome.checked.ok, outcome.run.ok]).toEqual([outcome.name, true, true]);
  expect(fine.find((f) => f.name === "a join with another staged file")!.checked.value?.reads).toEqual(["customers"]);
  expect(heard).toEqual([]);
});

test("a staged file named like the validated rows changes nothing; same stems get their own SQL names, shown", async ({ page }) => {
  await openApp(page, { testHooks: true });
  await addFiles(page, [
    { name: "orders.csv", content: ORDERS },
    { name: "transformed.csv", content: ORDERS },
    { name: "orders.tsv", content: ORDERS.replaceAll(",", "\t") },
  ]);
  const item = (name: string) => stagingArea(page).getByRole("listitem").filter({ hasText: name });
  await expect(item("transformed.csv")).toContainText("SQL name transformed_file");
  await expect(item("orders.csv")).toContainText("SQL name orders");
  await expect(item("orders.tsv")).toContainText("SQL name orders_2");
  const ids = await stagedIds(page);
  const final = await page.evaluate(async (fileId) => {
    const { engine } = (window as unknown as { stages: { engine: Record<string, (...a: unknown[]) => Promise<{ ok: boolean; value?: { final: number; rowsIn: number } }>> } }).stages;
    const recipe = {
      version: 1,
      rules: [{ id: "email", kind: "required", column: "email", severity: "reject", enabled: true }],
      steps: [],
      sql: "SELECT * FROM transformed",
    };
    return (await engine.runRecipe!(fileId, recipe, crypto.randomUUID())).value;
  }, ids["orders.csv"]!);
  expect(final).toMatchObject({ rowsIn: 3, final: 2 });
});

test("in the production build: hostile recipes imported, opened from links or typed are refused, and no test hook is there", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  expect(await page.evaluate(() => "stages" in window)).toBe(false);
  await stageOrdersAndCustomers(page);
  await stagingArea(page).getByRole("button", { name: "orders.csv", exact: true }).click();
  await expectCounts(page, "3 rows in = 3 valid after steps + 0 rejected");

  for (const { name, recipe } of hostileRecipes(decoyUrl)) {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import recipe" }).click();
    await (await chooser).setFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(recipe)) });
    const dialog = page.getByRole("dialog", { name: "Apply the recipe from hostile.json?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText("Checking the recipe…")).toHaveCount(0);
    const apply = dialog.getByRole("button", { name: "Apply recipe" });
    if (await apply.isEnabled()) {
      // DuckDB's parser alone saw nothing to refuse: the engine's check does, when it runs.
      await apply.click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first(), name).toBeVisible();
    } else {
      await expect(dialog.getByRole("alert"), name).toContainText("Stages refuses this recipe");
      await dialog.getByRole("button", { name: "Don't apply" }).click();
    }
    await expect(dialog).toHaveCount(0);
  }

  const encode = (doc: unknown) => `/#share=${Buffer.from(deflateSync(strToU8(JSON.stringify(doc)))).toString("base64url")}`;
  await page.goto(encode({ v: 1, recipe: hostileRecipes(decoyUrl)[0]!.recipe, sources: [{ name: "x.csv", url: `${decoyUrl}/source.csv` }] }));
  const link = page.getByRole("dialog", { name: "Open a shared recipe?" });
  await expect(link.getByRole("alert")).toContainText("Stages refuses this recipe");
  await expect(link.getByRole("button", { name: "Open it" })).toBeDisabled();
  await expect(link).toContainText(`SELECT * FROM read_csv('${decoyUrl}/a.csv')`);
  await link.getByRole("button", { name: "Don't open" }).click();

  // Hostile recipes from links with data inside them (opened in a fresh page each: the import loop above
  // already took every recipe of the corpus through the same consent screen and run): refused in the
  // link's decoding (a fragment that leaves its place), on the consent screen, or by the run once opened.
  const linked = ["filter breaks out", "sniff_csv binds without reading", "$$ string", "rule reads a URL", "catalog functions"];
  for (const [i, { name, recipe }] of hostileRecipes(decoyUrl).filter((h) => linked.includes(h.name)).entries()) {
    await page.goto("about:blank");
    await page.goto(encode({ v: 1, recipe, inline: [{ name: `linked${i}.csv`, text: ORDERS }] }));
    const offered = page.getByRole("dialog", { name: "Open a shared recipe?" });
    const cannot = page.getByRole("alertdialog", { name: "This share link cannot be opened" });
    await expect(offered.or(cannot), name).toBeVisible();
    if (await cannot.isVisible()) continue;
    await expect(offered, name).toContainText(`linked${i}.csv`);
    await expect(offered.getByText("Checking the recipe…")).toHaveCount(0);
    const open = offered.getByRole("button", { name: "Open it" });
    if (await open.isEnabled()) {
      await open.click();
      await stagingArea(page).getByRole("button", { name: `linked${i}.csv`, exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first(), name).toBeVisible();
    } else {
      await expect(offered.getByRole("alert"), name).toContainText("Stages refuses this recipe");
    }
  }

  await page.goto("about:blank");
  const join = fineRecipes.find((f) => f.name === "a join with another staged file")!.recipe;
  await page.goto(encode({ v: 1, recipe: { ...join, name: "Join\rcustomers" } }));
  const fine = page.getByRole("dialog", { name: "Open a shared recipe?" });
  await expect(fine).toContainText("Recipe name: Join⟨CR⟩");
  await expect(fine.getByRole("list", { name: "Staged files the recipe reads" })).toContainText("Your staged file customers.csv (as customers)");
  await fine.getByRole("button", { name: "Don't open" }).click();

  // customers.csv: its recipe is still empty (orders.csv keeps the last hostile recipe applied to it).
  await stagingArea(page).getByRole("button", { name: "customers.csv", exact: true }).click();
  await expectCounts(page, "2 rows in = 2 valid after steps + 0 rejected");
  await openStep(page, "Transform");
  await page.getByRole("textbox", { name: "SQL query" }).fill(`SELECT * FROM transformed --\rUNION ALL BY NAME SELECT * FROM read_csv('${decoyUrl}/typed.csv')`);
  await page.getByRole("button", { name: "Run SQL" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "outside the staging area" })).toBeVisible();
  await openStep(page, "Promote");
  await page.getByRole("button", { name: "Export as SQL" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be exported" })).toBeVisible();
  expect(heard).toEqual([]);
});
