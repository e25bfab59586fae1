import { describe, expect, it } from "vitest";
import { knownBinary } from "./known-binaries";

const head = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("knownBinary", () => {
  it("names files that are not data files Stages reads by their first bytes, and says what to do", () => {
    expect(knownBinary(head("%PDF-1.7\n"))).toMatch(/^This is a PDF document/);
    expect(knownBinary(head("Obj", [1], "avro"))).toMatch(/^This is an Avro file/);
    expect(knownBinary(head([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR"))).toMatch(/^This is a PNG image, not a text file/);
    expect(knownBinary(head([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"))).toMatch(/^This is a JPEG image/);
    expect(knownBinary(head("GIF89a"))).toMatch(/^This is a GIF image/);
  });

  it("leaves text and short heads alone", () => {
    expect(knownBinary(head("id,name\n1,a\n"))).toBeNull();
    expect(knownBinary(head("%PD"))).toBeNull();
    expect(knownBinary(head("Object,name\n"))).toBeNull();
    expect(knownBinary(head("GIFT,card\n"))).toBeNull();
    expect(knownBinary(new Uint8Array())).toBeNull();
  });
});
