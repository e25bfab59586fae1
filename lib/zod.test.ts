import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "./zod";

describe("lib/zod", () => {
  afterEach(() => vi.restoreAllMocks());
  it("parses objects without compiling code (the CSP forbids eval)", () => {
    const compile = vi.spyOn(globalThis, "Function");
    const schema = z.object({ a: z.number(), b: z.string().optional() });
    expect(schema.parse({ a: 1 })).toEqual({ a: 1 });
    expect(schema.safeParse({ a: "x" }).success).toBe(false);
    expect(compile).not.toHaveBeenCalled();
  });
});
