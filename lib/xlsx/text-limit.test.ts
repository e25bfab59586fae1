import { describe, expect, test } from "vitest";
import { LONGEST_TEXT, partTooLong, tooLongMessage } from "./text-limit";

describe("partTooLong", () => {
  test("finds the longest XML part past the longest text, and nothing when every part fits", () => {
    const sheet = { name: "xl/worksheets/sheet1.xml", size: LONGEST_TEXT + 1 };
    const longer = { name: "xl/worksheets/sheet2.xml", size: 1_267_002_907 };
    expect(partTooLong([{ name: "xl/workbook.xml", size: 900 }, sheet, longer])).toEqual(longer);
    expect(partTooLong([{ name: "xl/worksheets/sheet1.xml", size: LONGEST_TEXT }])).toBeNull();
  });

  test("a large part that is not XML (a picture) is not read as text", () => {
    expect(partTooLong([{ name: "xl/media/image1.png", size: LONGEST_TEXT * 2 }])).toBeNull();
  });
});

describe("tooLongMessage", () => {
  test("names the sheet, its size and the limit, and says what to do", () => {
    const message = tooLongMessage({ name: "xl/worksheets/sheet1.xml", size: 1_267_002_907 }, "Orders");
    expect(message).toContain('Sheet "Orders" is 1.2 GB of XML');
    expect(message).toContain("at most 512 MB of text");
    expect(message).toContain("Save the sheet as CSV");
  });

  test("names the shared text when that is the part too long", () => {
    expect(tooLongMessage({ name: "xl/sharedStrings.xml", size: 600 * 2 ** 20 }, null)).toContain("The workbook's shared text is 600 MB of XML");
  });
});
