import AxeBuilder from "@axe-core/playwright";
import { tableFromIPC } from "apache-arrow";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";

/**
 * Stages embedded in a page of another origin (scripts/embed-demo.mjs builds
 * that page from embed/README.md's example): what the host receives, and what
 * it does not.
 */
const port = Number(process.env.STAGES_TEST_PORT ?? 3100);
const stages = `http://127.0.0.1:${port}`;
const hostOrigin = `http://127.0.0.1:${port + 2}`;

async function openHost(page: Page): Promise<string[]> {
  const events: string[] = [];
  page.on("console", (m) => m.text().startsWith("stages ") && events.push(m.text().slice(7)));
  await page.goto(`${hostOrigin}/?stages=${encodeURIComponent(stages)}`);
  return events;
}

test("a host page opens the importer with a schema; a file with renamed columns and a bad row is matched, fixed and submitted; the host receives exactly the final rows", async ({ page }) => {
  const events = await openHost(page);
  const frame = page.frameLocator("#importer");
  await expect(frame.getByRole("dialog", { name: `${hostOrigin} wants to receive the data you import` })).toBeVisible();
  await frame.getByRole("button", { name: `Allow ${hostOrigin}` }).click();

  await frame.getByLabel("File to import").setInputFiles({ name: "payments.csv", mimeType: "text/csv", buffer: Buffer.from("Id,Email,Amount\n1,a@x.org,10\n2,,5\n3,b@x.org,abc\n") });
  const match = frame.getByRole("dialog", { name: "Match the recipe's columns to payments.csv" });
  await expect(match.getByLabel("Column of payments.csv for email")).toHaveValue("Email");
  await match.getByRole("button", { name: "Apply with these matches" }).click();
  await expect(frame.getByTestId("embed-counts")).toHaveText("3 rows in = 1 to send + 2 left out");

  // Fixed where it is: the empty email of row 2.
  const grid = frame.getByRole("grid", { name: "Rows to check" });
  await grid.locator('[role="row"][aria-rowindex="3"]').getByRole("gridcell").nth(1).dblclick();
  await frame.getByRole("textbox", { name: "Edit email, row 2" }).fill("c@x.org");
  await frame.getByRole("textbox", { name: "Edit email, row 2" }).press("Enter");
  await expect(frame.getByTestId("embed-counts")).toHaveText("3 rows in = 2 to send + 1 left out");
  await expect(page.locator("#received")).toHaveText("");

  // The importer's review, as a screen reader meets it, inside the host page.
  const { violations } = await new AxeBuilder({ page }).include("#importer").analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await frame.getByRole("button", { name: `Submit 2 rows to ${hostOrigin}` }).click();
  await expect(frame.getByRole("status")).toHaveText(`Sent 2 rows to ${hostOrigin}.`);
  // Exactly the final rows, cell by cell, as the host received them.
  const received = (await page.locator("#received").textContent())!.split(/\r?\n/);
  expect(received).toEqual(["2 rows", "email,amount", "a@x.org,10", "c@x.org,5", ""]);
  expect(events).toEqual(expect.arrayContaining(["ready", "staged", "counts", "chunk", "done"]));
  expect(events.indexOf("chunk")).toBeGreaterThan(events.lastIndexOf("counts"));
});

test("a host the user refuses receives nothing but the refusal", async ({ page }) => {
  const events = await openHost(page);
  const frame = page.frameLocator("#importer");
  await frame.getByRole("button", { name: "Refuse" }).click();
  await expect(page.locator("#received")).toHaveText("refused: The user did not let this page receive data.");
  await expect(frame.getByText(`${hostOrigin} will receive nothing from this importer.`)).toBeVisible();
  expect(events).not.toContain("staged");
});

test("malformed, oversized and other-version messages are refused with an event, and the importer goes on", async ({ page }) => {
  const events = await openHost(page);
  const frame = page.frameLocator("#importer");
  await expect(frame.getByRole("button", { name: `Allow ${hostOrigin}` })).toBeVisible();
  await page.evaluate((origin) => {
    const target = (document.querySelector("#importer") as HTMLIFrameElement).contentWindow!;
    target.postMessage({ stages: 1, type: "open", format: "xml", schema: {} }, origin);
    target.postMessage({ stages: 1, type: "open", schema: { fields: [{ name: "x".repeat(2_100_000) }] } }, origin);
    target.postMessage({ stages: 2, type: "open", schema: {} }, origin);
    target.postMessage("hello", origin);
  }, stages);
  await expect.poll(() => events.filter((e) => e === "invalid").length).toBe(4);
  // The first, well-formed request is still the one the user is asked about.
  await frame.getByRole("button", { name: `Allow ${hostOrigin}` }).click();
  await expect(frame.getByLabel("File to import")).toBeVisible();
});

/** A second importer on the host page, opened by the client with other options; its outcome is kept on `window`. */
async function openSecond(page: Page, id: string, options: Record<string, unknown>) {
  await page.evaluate(
    async ({ id, src, options }) => {
      const frame = document.createElement("iframe");
      frame.id = id;
      frame.title = id;
      frame.style.height = "30rem";
      document.body.append(frame);
      const { openImporter } = await import(`${location.origin}/client.js`);
      const schema = { fields: [{ name: "email", type: "string", constraints: { required: true } }, { name: "amount", type: "number" }] };
      const outcome = ((window as unknown as Record<string, unknown>)[id] = { done: false } as Record<string, unknown>);
      openImporter(frame, { src, schema, ...options }).result.then(
        (r: unknown) => Object.assign(outcome, { done: true, result: r }),
        (e: Error) => Object.assign(outcome, { done: true, error: e.message }),
      );
    },
    { id, src: `${stages}/embed`, options },
  );
  const frame = page.frameLocator(`#${id}`);
  await frame.getByRole("button", { name: `Allow ${hostOrigin}` }).click();
  return { frame, outcome: () => page.evaluate((id) => (window as unknown as Record<string, unknown>)[id] as Record<string, unknown>, id) };
}

test("the host's options hold in the frame: file kinds, size, the rejected rows on request, and cancelling", async ({ page }) => {
  await openHost(page);
  const { frame, outcome } = await openSecond(page, "second", { sendRejected: true, formats: ["csv"], maxBytes: 200 });
  const file = frame.getByLabel("File to import");
  await file.setInputFiles({ name: "rows.json", mimeType: "application/json", buffer: Buffer.from("[]") });
  await expect(frame.getByRole("alert").filter({ hasText: "rows.json" })).toHaveText("rows.json: this page takes csv files.");
  await file.setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(`email,amount\n${"a@x.org,1\n".repeat(30)}`) });
  await expect(frame.getByRole("alert").filter({ hasText: "big.csv" })).toContainText("this page takes files up to 200 B.");
  await file.setInputFiles({ name: "small.csv", mimeType: "text/csv", buffer: Buffer.from("id,email,amount\n1,a@x.org,3\n2,,4\n") });
  await expect(frame.getByTestId("embed-counts")).toHaveText("2 rows in = 1 to send + 1 left out");
  await frame.getByRole("button", { name: `Submit 1 row to ${hostOrigin}` }).click();
  await expect.poll(async () => (await outcome()).done).toBe(true);
  const { result } = (await outcome()) as { result: { text: string; rejected: string; summary: { rows: number; rejected: number } } };
  expect(result.text.split(/\r?\n/)).toEqual(["email,amount", "a@x.org,3", ""]);
  expect(result.rejected.split(/\r?\n/)[0]).toBe("_line,id,email,amount,_errors");
  expect(result.rejected).toContain('"email"" is required');
  expect(result.summary).toMatchObject({ rows: 1, rejected: 1 });

  const third = await openSecond(page, "third", {});
  await third.frame.getByRole("button", { name: "Cancel import" }).click();
  await expect(third.frame.getByText(`The import was cancelled: nothing was sent to ${hostOrigin}.`)).toBeVisible();
  await expect.poll(async () => (await third.outcome()).error).toBe("The user cancelled the import.");
});

test("a host on the build's allow-list is served without asking the user", async ({ page }) => {
  // The sub-path build (scripts/test-all.sh) lists the demo host's origin.
  const events: string[] = [];
  page.on("console", (m) => m.text().startsWith("stages ") && events.push(m.text().slice(7)));
  await page.goto(`${hostOrigin}/?stages=${encodeURIComponent(`http://127.0.0.1:${port + 1}/stages`)}`);
  const frame = page.frameLocator("#importer");
  await expect(frame.getByLabel("File to import")).toBeVisible();
  await expect(frame.getByRole("dialog", { name: /wants to receive the data you import/ })).toHaveCount(0);
  await frame.getByLabel("File to import").setInputFiles({ name: "payments.csv", mimeType: "text/csv", buffer: Buffer.from("id,email,amount\n1,a@x.org,10\n") });
  await frame.getByRole("button", { name: `Submit 1 row to ${hostOrigin}` }).click();
  await expect(page.locator("#received")).toHaveText(/^1 rows\s+email,amount\s+a@x\.org,10\s*$/);
  expect(events).toContain("done");
});

test("a host that asks for Arrow receives the rows as an Arrow IPC stream of typed columns, in byte chunks", async ({ page }) => {
  await openHost(page);
  const { frame, outcome } = await openSecond(page, "arrow", { format: "arrow", sendRejected: true });
  // 40,000 rows: the stream is several 256 KB chunks, each acknowledged before the next.
  const rows = Array.from({ length: 40_000 }, (_, i) => `${i % 1000 === 7 ? "" : `p${i}@example.org`},${i}.5`);
  await frame.getByLabel("File to import").setInputFiles({ name: "many.csv", mimeType: "text/csv", buffer: Buffer.from(`email,amount\n${rows.join("\n")}\n`) });
  await expect(frame.getByTestId("embed-counts")).toHaveText("40,000 rows in = 39,960 to send + 40 left out");
  await frame.getByRole("button", { name: `Submit 39,960 rows to ${hostOrigin}` }).click();
  await expect.poll(async () => (await outcome()).done, { timeout: 30_000 }).toBe(true);
  const got = await page.evaluate(() => {
    const { result } = (window as unknown as { arrow: { result: { bytes: Uint8Array; rejected: Uint8Array; text: string } } }).arrow;
    return { bytes: Array.from(result.bytes), rejected: Array.from(result.rejected), text: result.text };
  });
  expect(got.text).toBe("");
  const table = tableFromIPC(new Uint8Array(got.bytes));
  expect(table.numRows).toBe(39_960);
  expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
    ["email", "Utf8"],
    ["amount", "Float64"],
  ]);
  expect(table.get(0)?.toJSON()).toEqual({ email: "p0@example.org", amount: 0.5 });
  expect(table.get(39_959)?.toJSON()).toEqual({ email: "p39999@example.org", amount: 39_999.5 });
  const rejected = tableFromIPC(new Uint8Array(got.rejected));
  expect(rejected.numRows).toBe(40);
  expect(rejected.getChild("amount")?.get(0)).toBe(7.5);
  // More than one chunk went (each at most 256 KB).
  expect(got.bytes.length).toBeGreaterThan(256 * 1024);
});

test("the host's theme holds in the frame, whatever the user's system prefers", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openHost(page);
  const background = (id: string) => page.frameLocator(`#${id}`).locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  // The demo's own importer follows the system: dark.
  await expect.poll(() => background("importer")).not.toBe("rgb(255, 255, 255)");
  const light = await openSecond(page, "light", { theme: "light" });
  await expect(light.frame.getByLabel("File to import")).toBeVisible();
  expect(await background("light")).toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "light" });
  const dark = await openSecond(page, "dark", { theme: "dark" });
  await expect(dark.frame.getByLabel("File to import")).toBeVisible();
  expect(await background("dark")).not.toBe("rgb(255, 255, 255)");
  expect(await background("importer")).toBe("rgb(255, 255, 255)");
});
