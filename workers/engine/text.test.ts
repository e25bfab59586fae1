import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { apartFromCutLine, readableText, utf8Blob, withoutEndOfFileMark, withoutNulBytes } from "./text";

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
    const out = await withoutNulBytes(new Blob([padded]), false);
    expect(await out.text.text()).toBe(padded.replaceAll("\0", ""));
    expect(out.nulBytes).toEqual({ bytes: 100_000, line: 2 });
  });

  it("gives back the same text when its first 64 KB hold no NUL, unless it is known to hold some further on", async () => {
    const text = new Blob(["a,b\n1,2\n".repeat(10_000), "3,x\0\n"]);
    expect((await withoutNulBytes(text, false)).text).toBe(text);
    const known = await withoutNulBytes(text, true);
    expect(await known.text.text()).toBe(`${"a,b\n1,2\n".repeat(10_000)}3,x\n`);
    expect(known.nulBytes).toEqual({ bytes: 1, line: 20_001 });
  });
});

describe("readableText", () => {
  const csv = "a,b\n" + Array.from({ length: 50_000 }, (_, i) => `${i},${i}`).join("\n") + "\n";
  const whole = gzipSync(csv);

  it("inflates gzip data cut off as far as it goes, and says so", async () => {
    const out = await readableText(new Blob([whole.subarray(0, Math.floor(whole.length / 2))]), true, "utf-8");
    const text = await out.text.text();
    expect(text.length).toBeGreaterThan(1000);
    expect(csv.startsWith(text)).toBe(true);
    expect(out.gzipCut).toEqual({ inflatedBytes: out.text.size });
  });

  it("reads whole gzip data without a word, and refuses damaged data", async () => {
    const out = await readableText(new Blob([whole]), true, "utf-8");
    expect(await out.text.text()).toBe(csv);
    expect(out.gzipCut).toBeUndefined();
    const damaged = Uint8Array.from(whole);
    for (let i = 100; i < 200; i++) damaged[i]! ^= 0x5a;
    await expect(readableText(new Blob([damaged]), true, "utf-8")).rejects.toThrow("truncated or damaged");
  });

  it("says whether the inflated text holds a NUL byte, anywhere in it (the checksum pass sees the compressed bytes)", async () => {
    expect((await readableText(new Blob([whole]), true, "utf-8")).nul).toBeUndefined();
    const late = `${csv}50000,ab\0\0\n`;
    expect((await readableText(new Blob([gzipSync(late)]), true, "utf-8")).nul).toBe(true);
  });

  it("still refuses gzip data cut off where a whole text is needed", async () => {
    await expect(utf8Blob(new Blob([whole.subarray(0, 5000)]), true, "utf-8")).rejects.toThrow("truncated or damaged");
  });
});

describe("apartFromCutLine", () => {
  const apart = async (text: string) => {
    const out = await apartFromCutLine(new Blob([text]));
    return [await out.text.text(), out.cutLine];
  };

  it("takes the last line apart from the lines before it", async () => {
    expect(await apart("a,b\n1,2\n3,4")).toEqual(["a,b\n1,2\n", "3,4"]);
    expect(await apart("a,b\r\n1,2\r\n3,")).toEqual(["a,b\r\n1,2\r\n", "3,"]);
  });

  it("leaves nothing apart when the text ends at a line's end", async () => {
    expect(await apart("a,b\n1,2\n")).toEqual(["a,b\n1,2\n", ""]);
  });

  it("leaves the cut line in when an edit gives it (the user completed it), not for an edit of another line", async () => {
    const edited = async (line: number) => (await apartFromCutLine(new Blob(["a,b\n1,2\n3,"]), [{ line }])).cutLine;
    expect(await edited(3)).toBe("");
    expect(await edited(2)).toBe("3,");
  });
});
