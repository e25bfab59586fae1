import { describe, expect, it } from "vitest";
import { detectBom, firstBinaryByte } from "./sniff-bytes";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("detectBom", () => {
  it("recognizes UTF-8 and UTF-16 byte-order marks", () => {
    expect(detectBom(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe("utf-8");
    expect(detectBom(bytes(0xff, 0xfe, 0x61, 0))).toBe("utf-16le");
    expect(detectBom(bytes(0xfe, 0xff, 0, 0x61))).toBe("utf-16be");
    expect(detectBom(text("a,b"))).toBeNull();
  });
});

describe("firstBinaryByte", () => {
  it("accepts text with tabs, CR and LF, and non-ASCII UTF-8", () => {
    expect(firstBinaryByte(text("a\tb\r\nÉmile,東京\n"))).toBeNull();
  });

  it("finds the first of more control bytes than a stray few, or a head of NULs alone", () => {
    expect(firstBinaryByte(bytes(0, 0, 0, 0))).toBe(0);
    expect(firstBinaryByte(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02))).toBe(6);
    expect(firstBinaryByte(bytes(0x61, 0x7f, 0x01, 0x1a))).toBe(1);
  });

  it("keeps text with NULs in it (a database's padding) as text", () => {
    expect(firstBinaryByte(text("id,code\n1,ab\u0000\u0000\u0000\n2,cd\u0000\u0000\u0000\n"))).toBeNull();
  });

  it("keeps a text file with one stray control byte as text", () => {
    expect(firstBinaryByte(text("id,name\n1,Ann\u0001\n2,Bo\n"))).toBeNull();
  });

  it("treats UTF-16 (which is full of NULs) as text when it carries a BOM", () => {
    expect(firstBinaryByte(bytes(0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00))).toBeNull();
  });
});
