import { describe, expect, it } from "vitest";
import { LICENCES, licenceOf } from "./licences";

describe("licences", () => {
  it("finds a licence by its SPDX id, and nothing for none or an unknown one", () => {
    expect(licenceOf("CC-BY-4.0")).toMatchObject({ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/" });
    expect(licenceOf(undefined)).toBeUndefined();
    expect(licenceOf("MIT-ish")).toBeUndefined();
    expect(new Set(LICENCES.map((l) => l.name)).size).toBe(LICENCES.length);
    expect(LICENCES.every((l) => /^https:\/\//.test(l.path) && l.title.length > 0)).toBe(true);
  });
});
