import { describe, expect, it } from "vitest";
import { cachedPathFor, cacheName, isStaleCache, precacheList } from "./precache";

describe("precacheList", () => {
  it("caches pages under their clean address and assets as they are, and leaves benchmark data and error pages out", () => {
    const files = ["index.html", "_next/static/media/duckdb-eh.abc.wasm", "bench-data/orders-100.csv", "404.html", "_not-found.html", "sw.js", "embed.html", "docs/index.html"];
    expect(precacheList(files, "/stages")).toEqual([
      { file: "index.html", path: "/stages/" },
      { file: "_next/static/media/duckdb-eh.abc.wasm", path: "/stages/_next/static/media/duckdb-eh.abc.wasm" },
      { file: "docs/index.html", path: "/stages/docs/" },
      { file: "embed.html", path: "/stages/embed" },
    ]);
    expect(precacheList(["index.html"], "")).toEqual([{ file: "index.html", path: "/" }]);
  });
});

describe("cachedPathFor", () => {
  const cached = new Set(precacheList(["index.html", "embed.html", "_next/static/chunks/a.js", "docs/index.html"], "/stages").map((p) => p.path));
  it("answers a page however it is asked for, as static hosts do", () => {
    expect(cachedPathFor("/stages/", cached)).toBe("/stages/");
    expect(cachedPathFor("/stages", cached)).toBe("/stages/");
    expect(cachedPathFor("/stages/index.html", cached)).toBe("/stages/");
    expect(cachedPathFor("/stages/embed", cached)).toBe("/stages/embed");
    expect(cachedPathFor("/stages/embed.html", cached)).toBe("/stages/embed");
    expect(cachedPathFor("/stages/docs", cached)).toBe("/stages/docs/");
    expect(cachedPathFor("/stages/_next/static/chunks/a.js", cached)).toBe("/stages/_next/static/chunks/a.js");
  });
  it("leaves what the build does not have to the network", () => {
    expect(cachedPathFor("/stages/data.csv", cached)).toBeNull();
    expect(cachedPathFor("/other/", cached)).toBeNull();
  });
});

describe("caches", () => {
  it("names one cache per build and finds the older ones", () => {
    expect(cacheName("v2")).toBe("stages-v2");
    expect(isStaleCache("stages-v1", "v2")).toBe(true);
    expect(isStaleCache("stages-v2", "v2")).toBe(false);
    expect(isStaleCache("someone-else", "v2")).toBe(false);
  });
});
