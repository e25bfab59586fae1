import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { legacyEncoding } from "./legacy-encoding";

const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe("legacyEncoding", () => {
  it("tells the code pages Excel saves CSV in by the script their characters make", () => {
    expect(legacyEncoding(bytes("商品,価格,日付\r\nりんご,120,2024/01/02\r\nみかん,80,2024/01/03\r\n", "shift_jis"))).toBe("shift_jis");
    expect(legacyEncoding(bytes("商品,価格\r\nりんご,120\r\n", "euc-jp"))).toBe("euc-jp");
    expect(legacyEncoding(bytes("名称,数量,备注\r\n苹果,12,新鲜的水果\r\n香蕉,7,进口\r\n", "gbk"))).toBe("gb18030");
    expect(legacyEncoding(bytes("이름,수량\r\n사과,12\r\n바나나,7\r\n", "euc-kr"))).toBe("euc-kr");
    expect(legacyEncoding(bytes("名稱,數量,價格\r\n蘋果,12,30\r\n香蕉,7,15\r\n", "big5"))).toBe("big5");
    expect(legacyEncoding(bytes("имя;город\r\nИван;Москва\r\nОльга;Казань\r\n", "win1251"))).toBe("windows-1251");
  });

  it("keeps Windows-1252 for western text, accents, symbols and all", () => {
    expect(legacyEncoding(bytes("name;ville\r\nJosé;Montréal\r\nZoë;Köln\r\nAndré;“quoted” – 5 €\r\n", "win1252"))).toBe("windows-1252");
    expect(legacyEncoding(bytes("café,1\r\n", "win1252"))).toBe("windows-1252");
    expect(legacyEncoding(bytes("plain ascii\r\n", "win1252"))).toBe("windows-1252");
    expect(legacyEncoding(bytes("note\r\nHe said “hi” – ok\r\n“Yes”, 25°\r\n", "win1252"))).toBe("windows-1252");
    expect(legacyEncoding(bytes("cidade;nação\r\nSão Paulo;Brasil\r\nMüller;Straße\r\n", "win1252"))).toBe("windows-1252");
  });

  it("judges whole lines only: a character cut at the end of the sample rules nothing out", () => {
    const sjis = bytes("りんご,120\r\nみかん,80\r\n", "shift_jis");
    expect(legacyEncoding(sjis.subarray(0, sjis.length - 3))).toBe("shift_jis");
  });
});
