import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

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
