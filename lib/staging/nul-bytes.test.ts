import { describe, expect, it } from "vitest";
import { describeNulBytes, NulStripper } from "./nul-bytes";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array[]) => new TextDecoder().decode(new Uint8Array(b.flatMap((c) => [...c])));

describe("NulStripper", () => {
  it("gives the text back without NULs, across chunks, with how many and the line of the first", () => {
    const stripper = new NulStripper();
    const out = ["id,code\n1,a\n", "2,ab\0\0\0\n3,", "\0c\n\0\0\0\0\n"].map((c) => stripper.update(bytes(c)));
    expect(text(out)).toBe("id,code\n1,a\n2,ab\n3,c\n\n");
    expect(stripper.result()).toEqual({ bytes: 8, line: 3 });
  });

  it("gives a chunk with no NUL back as it is, and says nothing for a text without them", () => {
    const stripper = new NulStripper();
    const chunk = bytes("a,b\n1,2\n");
    expect(stripper.update(chunk)).toBe(chunk);
    expect(stripper.result()).toBeNull();
  });

  it("numbers the first NUL's line when it opens the text", () => {
    const stripper = new NulStripper();
    stripper.update(new Uint8Array([0, 0x61, 0x0a]));
    expect(stripper.result()).toEqual({ bytes: 1, line: 1 });
  });
});

it("describeNulBytes says how many were left out and where the first was", () => {
  expect(describeNulBytes({ bytes: 1200, line: 3 })).toBe("1,200 NUL bytes were left out of the text, the first on line 3: padding or a damaged file, not text.");
  expect(describeNulBytes({ bytes: 1, line: 1 })).toContain("1 NUL byte was left out");
});
