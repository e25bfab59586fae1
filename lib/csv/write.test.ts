import { describe, expect, it } from "vitest";
import { csvField, csvPieces, csvRow } from "./write";

const plain = { neutralizeFormulas: false };
const safe = { neutralizeFormulas: true };

describe("csvField", () => {
  it("leaves simple text alone and writes NULL as an empty field", () => {
    expect(csvField("abc", plain)).toBe("abc");
    expect(csvField(null, plain)).toBe("");
    expect(csvField("", plain)).toBe("");
  });

  it("quotes fields holding a comma, quote, CR or LF and doubles quotes", () => {
    expect(csvField("a,b", plain)).toBe('"a,b"');
    expect(csvField('say "hi"', plain)).toBe('"say ""hi"""');
    expect(csvField("two\nlines", plain)).toBe('"two\nlines"');
    expect(csvField("cr\rhere", plain)).toBe('"cr\rhere"');
  });

  it("neutralizes formula-looking cells only when asked, and never plain numbers", () => {
    expect(csvField("=SUM(A1:A2)", plain)).toBe("=SUM(A1:A2)");
    expect(csvField("=SUM(A1:A2)", safe)).toBe("'=SUM(A1:A2)");
    expect(csvField("+cmd", safe)).toBe("'+cmd");
    expect(csvField("@import", safe)).toBe("'@import");
    expect(csvField("-2+3", safe)).toBe("'-2+3");
    expect(csvField("=1,2", safe)).toBe(`"'=1,2"`);
    expect(csvField("-12.5", safe)).toBe("-12.5");
    expect(csvField("+3e10", safe)).toBe("+3e10");
  });
});

describe("csvRow", () => {
  it("end every record with CRLF, RFC 4180 style", () => {
    expect(csvRow(["a", null, "c,d"], plain)).toBe('a,,"c,d"\r\n');
  });
});

describe("csvPieces", () => {
  it("writes the header, then the lines a few at a time, lazily", () => {
    let made = 0;
    const lines = function* () {
      for (let i = 1; i <= 5; i++) {
        made++;
        yield `${i},"x${i}"\r\n`;
      }
    };
    const pieces = csvPieces(["n", "a b"], lines(), 2);
    expect(made).toBe(0);
    expect([...pieces]).toEqual(['n,a b\r\n1,"x1"\r\n', '2,"x2"\r\n3,"x3"\r\n', '4,"x4"\r\n5,"x5"\r\n']);
    expect([...csvPieces(["only"], [], 2)]).toEqual(["only\r\n"]);
  });
});
