import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { addFiles, openApp, rowTexts, stagedGrid, stagedIds } from "./support/app";

// A staged file's DuckDB table is kept for the next visit (workers/engine/kept-tables.ts): a reload
// takes over the database the last engine left instead of reading every staged file again.

const PEOPLE_CSV = ["id;name", "1;Ada", "2;Grace", "3;Edsger", ""].join("\n");

/**
 * Changes the staging area's IndexedDB behind the app's back: a file's stored bytes removed (a table rebuilt
 * after that would fail), or its record changed as another tab's read leaves it.
 */
function changeStagingArea(page: Page, change: { store: "blobs" | "files"; id: string; patch?: Record<string, unknown> }) {
  return page.evaluate(
    ({ store, id, patch }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("stages");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, "readwrite");
          const records = tx.objectStore(store);
          if (!patch) records.delete(id);
          else records.get(id).onsuccess = (e) => {
            const record = (e.target as IDBRequest).result;
            records.put({ ...record, ...patch, parse: { ...record.parse, ...(patch.parse as object) } });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    change,
  );
}

test("after a reload a staged file's rows come from the table kept from the last visit, not from reading the file again", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE_CSV }]);
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "4");
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Grace"]);
  const { "people.csv": id } = await stagedIds(page);

  await changeStagingArea(page, { store: "blobs", id: id! });
  await page.reload();
  await expect(page.getByText("Engine ready")).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "Edsger"]);
});

test("a file another engine read again with other options is read anew after a reload, not shown from its old table", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE_CSV }]);
  await expect(stagedGrid(page).getByRole("columnheader")).toHaveText(["id", "name"]);
  const { "people.csv": id } = await stagedIds(page);

  // What a read in another tab leaves in the staging area: a later read, its options (here: no header line) and what it found.
  const columns = [
    { name: "column0", type: "VARCHAR" },
    { name: "column1", type: "VARCHAR" },
  ];
  await changeStagingArea(page, { store: "files", id: id!, patch: { readCount: 99, parse: { header: false }, rowCount: 4, columns } });
  await page.reload();
  await expect(stagedGrid(page)).toHaveAttribute("aria-rowcount", "5");
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["id", "name"]);
});

test("a second tab reads its own copy and leaves the first tab's database alone", async ({ page, context }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE_CSV }]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Ada"]);

  const second = await context.newPage();
  await openApp(second);
  await expect.poll(() => rowTexts(second, "Staged data", 4)).toEqual(["3", "Edsger"]);
  // The first tab's engine still has its database: it pages its table.
  await page.getByRole("grid", { name: "Staged data" }).focus();
  await expect.poll(() => rowTexts(page, "Staged data", 3)).toEqual(["2", "Grace"]);
  await second.close();
});

test("a database left behind that DuckDB cannot open is replaced by an empty one: the engine starts and the staged file reads again", async ({ page }) => {
  await openApp(page);
  await addFiles(page, [{ name: "people.csv", content: PEOPLE_CSV }]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "Ada"]);

  // The newest database an ended engine left, as a crash mid-write could leave it: not a DuckDB file at all.
  await page.evaluate(async () => {
    const work = await (await navigator.storage.getDirectory()).getDirectoryHandle("work");
    for (const name of ["0badc0de.db", "0badc0de.db.wal"]) {
      const writable = await (await work.getFileHandle(name, { create: true })).createWritable();
      await writable.write("not a database");
      await writable.close();
    }
  });
  await page.reload();
  await expect(page.getByText(/Engine ready/)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => rowTexts(page, "Staged data", 4)).toEqual(["3", "Edsger"]);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
  // It was taken over, found unusable and replaced: its name now holds the engine's new database.
  const size = await page.evaluate(async () => {
    const work = await (await navigator.storage.getDirectory()).getDirectoryHandle("work");
    return (await (await work.getFileHandle("0badc0de.db")).getFile()).size;
  });
  expect(size).toBeGreaterThan(1000);
  await addFiles(page, [{ name: "more.csv", content: "a,b\n1,2\n" }]);
  await expect.poll(() => rowTexts(page, "Staged data", 2)).toEqual(["1", "2"]);
});
