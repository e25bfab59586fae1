import { describe, expect, it } from "vitest";
import { withoutEndOfFileMark, withoutNulBytes } from "./text";

const cut = async (text: string) => {
  const out = await withoutEndOfFileMark(new Blob([text]));
  return { text: await out.text.text(), lineLeftBlank: out.lineLeftBlank };
};

describe("withoutEndOfFileMark", () => {
  it("leaves out a Ctrl-Z ending the text, and says whether it had a line of its own", async () => {
    expect(await cut("a,b\r\n1,2.5\x1a")).toEqual({ text: "a,b\r\n1,2.5", lineLeftBlank: false });
    expect(await cut("a,b\n1,2.5\n\x1a")).toEqual({ text: "a,b\n1,2.5\n", lineLeftBlank: true });
    expect(await cut("a,b\r1,2.5\r\x1a")).toEqual({ text: "a,b\r1,2.5\r", lineLeftBlank: true });
    expect(await cut("\x1a")).toEqual({ text: "", lineLeftBlank: true });
  });

  it("leaves any other text as it is, a Ctrl-Z inside it too", async () => {
    expect(await cut("a,b\n1,2\n")).toEqual({ text: "a,b\n1,2\n", lineLeftBlank: false });
    expect(await cut("a,b\n1,\x1a2")).toEqual({ text: "a,b\n1,\x1a2", lineLeftBlank: false });
    expect(await cut("")).toEqual({ text: "", lineLeftBlank: false });
  });
});

describe("withoutNulBytes", () => {
  it("leaves NUL bytes out of a text whose start holds one, all through it, and counts them", async () => {
    const padded = ["id,code,n", ...Array.from({ length: 20_000 }, (_, i) => `${i},ab\0\0\0,${i}\0\0`)].join("\n");
    const out = await withoutNulBytes(new Blob([padded]));
    expect(await out.text.text()).toBe(padded.replaceAll("\0", ""));
    expect(out.nulBytes).toEqual({ bytes: 100_000, line: 2 });
  });

  it("gives back the same text when its first 64 KB hold no NUL", async () => {
    const text = new Blob(["a,b\n1,2\n".repeat(10_000), "3,x\0\n"]);
    expect((await withoutNulBytes(text)).text).toBe(text);
  });
});
