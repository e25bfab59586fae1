import { expect, type Page } from "@playwright/test";
import { openStep } from "./app";

/** Fill the "Add a rule" / "Add a step" forms the way a user does. */
async function fillSpecForm(page: Page, legend: string, kindLabel: string, kind: string, fields: Record<string, string>) {
  const form = page.getByRole("group", { name: legend });
  await form.getByLabel(kindLabel, { exact: true }).selectOption({ label: kind });
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  return form;
}

export async function addRule(page: Page, kind: string, fields: Record<string, string>, severity: "Reject the row" | "Only warn" = "Reject the row") {
  await openStep(page, "Validate");
  const form = await fillSpecForm(page, "Add a rule", "Rule", kind, fields);
  await form.getByLabel("When it fails").selectOption({ label: severity });
  await form.getByRole("button", { name: "Add rule" }).click();
}

export async function addStep(page: Page, kind: string, fields: Record<string, string>) {
  await openStep(page, "Transform");
  const form = await fillSpecForm(page, "Add a step", "Step", kind, fields);
  await form.getByRole("button", { name: "Add step" }).click();
}

export const runCounts = (page: Page) => page.getByTestId("run-counts");

export async function expectCounts(page: Page, text: RegExp | string) {
  await expect(runCounts(page)).toContainText(text);
}
