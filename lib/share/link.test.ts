import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { emptyRecipe } from "@/lib/recipe/schema";
import { decodeShare, encodeShare, PREFIX } from "./link";

const recipe = { ...emptyRecipe(), rules: [{ id: "r", kind: "required", column: "a", severity: "reject", enabled: true }] } as ReturnType<typeof emptyRecipe>;
const fragmentOf = (doc: unknown) => {
  const bytes = deflateSync(strToU8(JSON.stringify(doc)));
  return PREFIX + btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

describe("share links", () => {
  it("round-trip a recipe, source URLs and inline data", () => {
    const share = { recipe, sources: [{ name: "orders.csv", url: "https://data.example.org/orders.csv" }], inline: [{ name: "small.csv", text: "a\n1\n" }] };
    const encoded = encodeShare(share);
    if (!encoded.ok) throw new Error(encoded.reason);
    expect(encoded.fragment.startsWith(PREFIX)).toBe(true);
    expect(decodeShare(encoded.fragment)).toEqual({ ok: true, share });
  });

  it("refuses inline data over the limit when encoding", () => {
    const text = Array.from({ length: 20000 }, (_, i) => `${i},${Math.random()}`).join("\n");
    expect(encodeShare({ recipe, sources: [], inline: [{ name: "big.csv", text }] }, 1024)).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
  });

  it("refuses damaged, truncated, oversized, deep, future and hostile links with the reason", () => {
    const good = encodeShare({ recipe, sources: [], inline: [] });
    if (!good.ok) throw new Error();
    expect(decodeShare("#other")).toMatchObject({ ok: false, reason: "This is not a Stages share link." });
    expect(decodeShare(`${PREFIX}***`)).toMatchObject({ ok: false, reason: expect.stringMatching(/base64url/) });
    expect(decodeShare(good.fragment.slice(0, good.fragment.length - 6))).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged or truncated/) });
    const bomb = PREFIX + btoa(String.fromCharCode(...deflateSync(new Uint8Array(8_000_000)))).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    expect(decodeShare(bomb)).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { x: deep };
    expect(decodeShare(fragmentOf({ v: 1, recipe, deep }))).toMatchObject({ ok: false, reason: expect.stringMatching(/nested too deeply/) });
    expect(decodeShare(fragmentOf({ v: 1, recipe: { ...recipe, n: 1e300 } }))).toMatchObject({ ok: false, reason: expect.stringMatching(/number too large/) });
    expect(decodeShare(fragmentOf({ v: 7, recipe }))).toMatchObject({ ok: false, reason: expect.stringMatching(/newer Stages/) });
    expect(decodeShare(fragmentOf({ v: 1, recipe, sources: [{ name: "x.csv", url: "javascript:alert(1)" }] }))).toMatchObject({ ok: false });
    expect(decodeShare(fragmentOf({ v: 1, recipe, inline: [{ name: "<script>alert(1)</script>.csv", text: "a" }] }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/may not hold </),
    });
    expect(decodeShare(fragmentOf({ v: 1, recipe: { version: 1, rules: "nope" } }))).toMatchObject({ ok: false, reason: expect.stringMatching(/malformed/) });
    // What SQL reads is decided by DuckDB's binder before it runs (test/hostile-recipes); a fragment that leaves its place is refused here.
    const escaping = { version: 1, steps: [{ kind: "filter", where: "1=1) UNION ALL SELECT * FROM read_csv('https://evil.example/x.csv') WHERE (1=1" }] };
    expect(decodeShare(fragmentOf({ v: 1, recipe: escaping }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/recipe's step 1 is refused: A \) closes a parenthesis/),
    });
  });
});
