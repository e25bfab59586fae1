/**
 * The encoding of text that is neither UTF-8 nor UTF-16: Excel saves CSV in
 * the system's code page (Windows-1252 in western Europe and the Americas,
 * Shift_JIS in Japan, GBK in China, EUC-KR in Korea, Windows-1251 for
 * Cyrillic). Each candidate decodes the sample strictly (a byte sequence it
 * has no character for rules it out), and the characters it gives from the
 * non-ASCII bytes are scored by the script they belong to: letters and
 * syllables of a real script score, symbols, controls, private-use and
 * half-width katakana (what the wrong code page makes of them) cost. GBK
 * and EUC-KR share their byte ranges (Chinese reads as Hangul there, Korean
 * as Han characters in GBK), so each language's most used characters score
 * once more. The best mean wins; ties go to the earlier candidate.
 */
const CANDIDATES = ["windows-1252", "shift_jis", "euc-jp", "gb18030", "euc-kr", "big5", "windows-1251"] as const;

/** Frequent in Korean text and in the headers of Korean sheets (name, quantity, price, date, product, …). */
const COMMON_HANGUL = new Set("이다는의에을하고가로지서기사한도리자대어일아정수인시나해부상전보여주스제요들구원게방만동성라국면입품명량격름과바날짜금액번호주소고객");
/** Frequent in Chinese text and in the headers of Chinese sheets, in simplified (GBK) and traditional (Big5) characters. */
const COMMON_HAN = new Set(
  "的一是不了人在有我他这中大来上国个到说们为子和你地出道也时年名称数量价格日期品商号单金额类型址电话客户订备注销售产总计编码" +
    "這國個說們為時稱數價號單額類電話戶訂備註銷產總計編碼",
);

function weight(code: number, ch: string): number {
  if (code >= 0x3040 && code <= 0x309f) return 2; // hiragana: Japanese
  if (code >= 0xac00 && code <= 0xd7af) return COMMON_HANGUL.has(ch) ? 2 : 1; // hangul syllables: Korean
  if (code >= 0x30a0 && code <= 0x30ff) return 1; // katakana
  if (code >= 0x4e00 && code <= 0x9fff) return COMMON_HAN.has(ch) ? 2 : 1; // CJK ideographs
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff5e)) return 1; // CJK punctuation, full-width forms
  if (code >= 0x0410 && code <= 0x044f) return 1; // Cyrillic letters
  if (code >= 0x00c0 && code <= 0x00ff && code !== 0x00d7 && code !== 0x00f7) return 1; // Latin-1 letters
  if ([0x0152, 0x0153, 0x0160, 0x0161, 0x017d, 0x017e, 0x0178, 0x20ac].includes(code)) return 1; // Œ œ Š š Ž ž Ÿ €
  if ((code >= 0x2010 && code <= 0x2027) || (code >= 0x00a0 && code <= 0x00bf)) return 0; // dashes, curly quotes, bullets; ° £ © ½: common anywhere
  if (code >= 0x0080 && code <= 0x009f) return 0; // the same bytes, where a decoder reads Windows-1252 as Latin-1 (Node's does)
  if (code >= 0xff61 && code <= 0xff9f) return -1; // half-width katakana
  return -2;
}

/** The mean weight of the characters decoded from non-ASCII bytes, or null when the bytes are not text in this encoding. */
function score(bytes: Uint8Array, encoding: string): number | null {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let sum = 0;
  let count = 0;
  // Accented Latin letters stand alone or in pairs among ASCII ones (José, ação); a run of three or more is
  // Cyrillic or Greek read in the wrong code page (Иван in Windows-1251 reads as Èâàí in Windows-1252).
  for (const run of text.match(/[^\x00-\x7f]+/g) ?? []) {
    for (const ch of run) {
      const code = ch.codePointAt(0)!;
      const w = weight(code, ch);
      sum += run.length >= 3 && code >= 0xc0 && code <= 0xff ? Math.min(w, -1) : w;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** The likeliest legacy encoding of bytes that are not UTF-8 (whole lines: a character cut at the end would rule an encoding out). */
export function legacyEncoding(bytes: Uint8Array): string {
  const lastLineEnd = bytes.lastIndexOf(0x0a);
  const sample = lastLineEnd > 0 ? bytes.subarray(0, lastLineEnd + 1) : bytes;
  let best: string = CANDIDATES[0];
  let bestScore = -Infinity;
  for (const encoding of CANDIDATES) {
    const s = score(sample, encoding);
    if (s !== null && s > bestScore) {
      best = encoding;
      bestScore = s;
    }
  }
  return best;
}
