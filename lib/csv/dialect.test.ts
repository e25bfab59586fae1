import { describe, expect, it } from "vitest";
import { detectDialect } from "./dialect";

describe("detectDialect", () => {
  it("takes quotes escaped by backslashes (MySQL, PHP) for what they are, though the rows count as many fields either way", () => {
    const lines = ["id,quote,x", '1,"he said \\"hi\\"",a', '2,"plain",b', '3,"back\\\\slash",c'];
    expect(detectDialect(lines)).toEqual({ delimiter: ",", quote: '"', escape: "\\" });
    expect(detectDialect(lines.map((l) => l.replaceAll(",", "\t")))).toEqual({ delimiter: "\t", quote: '"', escape: "\\" });
  });

  it("keeps doubled quotes, also beside a value that ends in a backslash", () => {
    expect(detectDialect(["id,path,x", '1,"C:\\dir\\",a', '2,"say ""hi""",b', "3,plain,c"])).toEqual({ delimiter: ",", quote: '"', escape: '"' });
  });

  it("keeps double quotes when one is never closed, and takes single quotes only where they open values", () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},AB-${i},"note ${i}",Ann`);
    expect(detectDialect(["id,code,note,name", ...rows, '"12,AB-12,"note 12",Ann'])).toEqual({ delimiter: ",", quote: '"', escape: '"' });
    expect(detectDialect(["id,note", "1,'a, b'", "2,'c'", "3,'d, e'"])).toEqual({ delimiter: ",", quote: "'", escape: "'" });
  });

  it("keeps semicolons for a file whose text has commas, though a few broken rows give it several widths", () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${1000 + i};07/11/2018;$9.${i};green, cable and small;https://shop.example/p/${i}`);
    rows[3] = rows[3]!.replace(";", "");
    rows[9] = rows[9]!.replace("green", "gr;een");
    expect(detectDialect(["order_id;date;price;note;url", ...rows, "Note: provisional figures"])).toMatchObject({ delimiter: ";" });
  });
});
