import { describe, expect, it } from "vitest";
import { isQuotaError, quotaMessage } from "./storage-error";

describe("isQuotaError", () => {
  it("recognizes the DOMException, Dexie's wrapper and DuckDB's text", () => {
    expect(isQuotaError(new DOMException("full", "QuotaExceededError"))).toBe(true);
    expect(isQuotaError({ name: "AbortError", inner: { name: "QuotaExceededError" } })).toBe(true);
    expect(isQuotaError(new Error("IO Error: Could not write file: QuotaExceededError"))).toBe(true);
  });

  it("does not take other failures for a full disk", () => {
    expect(isQuotaError(new DOMException("gone", "NotFoundError"))).toBe(false);
    expect(isQuotaError(new Error("Conversion Error: quoted value"))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe("quotaMessage", () => {
  it("says what could not be done and what to do", () => {
    expect(quotaMessage("stage this file")).toMatch(/^There is not enough browser storage to stage this file\. Remove .* Nothing was kept\.$/);
  });
});
