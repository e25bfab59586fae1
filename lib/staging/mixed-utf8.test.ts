import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { holdsUtf8, MixedUtf8Decoder } from "./mixed-utf8";

const mixed = Buffer.concat([Buffer.from("id,name\n1,José\n2,東京 – “ok”\n", "utf8"), iconv.encode("3,Café – “ok” €\n", "win1252"), Buffer.from("4,Müller 😀\n", "utf8")]);
const want = "id,name\n1,José\n2,東京 – “ok”\n3,Café – “ok” €\n4,Müller 😀\n";

describe("MixedUtf8Decoder", () => {
  it("reads UTF-8 as UTF-8 and every other byte as Windows-1252", () => {
    expect(new MixedUtf8Decoder().decode(new Uint8Array(mixed), true)).toBe(want);
  });

  it("gives the same text however the bytes are cut into chunks", () => {
    for (const size of [1, 2, 3, 5, 64]) {
      const decoder = new MixedUtf8Decoder();
      let out = "";
      for (let i = 0; i < mixed.length; i += size) out += decoder.decode(new Uint8Array(mixed.subarray(i, i + size)));
      out += decoder.decode(new Uint8Array(0), true);
      expect(out, `chunks of ${size}`).toBe(want);
    }
  });

  it("reads a sequence cut off at the very end, and overlong or surrogate forms, byte by byte", () => {
    expect(new MixedUtf8Decoder().decode(new Uint8Array([0x61, 0xe6, 0x9d]), true)).toBe("aæ\u009d");
    expect(new MixedUtf8Decoder().decode(new Uint8Array([0xc0, 0xaf, 0xed, 0xa0, 0x80]), true)).toBe("À¯í\u00a0€");
  });
});

describe("holdsUtf8", () => {
  it("tells text with UTF-8 characters from text in a legacy code page alone", () => {
    expect(holdsUtf8(new Uint8Array(mixed))).toBe(true);
    expect(holdsUtf8(new Uint8Array(iconv.encode("name\nJosé\nMüller\nCafé – “ok”\n", "win1252")))).toBe(false);
    expect(holdsUtf8(new Uint8Array(iconv.encode("名称,数量\n苹果,12\n", "gbk")))).toBe(false);
  });
});
