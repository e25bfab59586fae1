import { describe, expect, it } from "vitest";
import { fixedWidthCsv } from "./fixed-width";

describe("fixedWidthCsv", () => {
  it("writes fixed-width lines as CSV lines, line for line, a blank line blank, across the pieces it reads", async () => {
    const text = "ID  NAME         AMOUNT\r\n1   Smith, Ann    120.50\r\n\n22  \"Bob\"           3.00\n333 Carol          1000";
    const out = await (await fixedWidthCsv(new Blob([text.slice(0, 17), text.slice(17, 40), text.slice(40)]), [0, 4, 17])).text();
    expect(out).toBe('ID,NAME,AMOUNT\r\n1,"Smith, Ann",120.50\r\n\r\n22,"""Bob""",3.00\r\n333,Carol,1000\r\n');
  });
});
