import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256, sha256Bytes, sha256Text } from "./hash";

describe("sha256", () => {
  it("gives the same digest fed in chunks as Node's crypto over the whole", async () => {
    const bytes = new TextEncoder().encode("id,name\n1,Ada\n2,Bo\n".repeat(1000));
    const hasher = await sha256();
    for (let at = 0; at < bytes.length; at += 777) hasher.update(bytes.subarray(at, at + 777));
    expect(hasher.hex()).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(await sha256Text("héllo")).toBe(createHash("sha256").update("héllo", "utf8").digest("hex"));
  });

  it("gives the same digest for bytes held whole (WebCrypto) as Node's crypto", async () => {
    const bytes = new TextEncoder().encode("id,name\n1,Ada\n2,Bo\n".repeat(1000));
    expect(await sha256Bytes(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});
