import { describe, expect, it } from "vitest";
import { lineFrom } from "./blob-lines";

describe("lineFrom", () => {
  it("reads the line that starts at a byte, up to any line end or the end of the text", async () => {
    const blob = new Blob(["a,b\r\n1,\"x\r2,y\n3,z"]);
    expect(await lineFrom(blob, 0)).toBe("a,b");
    expect(await lineFrom(blob, 5)).toBe('1,"x');
    expect(await lineFrom(blob, 10)).toBe("2,y");
    expect(await lineFrom(blob, 14)).toBe("3,z");
  });

  it("reads a line longer than one chunk whole", async () => {
    const long = "v".repeat(200_000);
    expect(await lineFrom(new Blob([`x\n${long}\ny`]), 2)).toBe(long);
  });
});
