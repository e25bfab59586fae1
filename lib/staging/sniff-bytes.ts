/**
 * A first look at a file's leading bytes, before any parser sees it: is it
 * text at all, and which byte-order mark does it carry?
 */
export type TextBom = "utf-8" | "utf-16le" | "utf-16be" | null;

export function detectBom(head: Uint8Array): TextBom {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * The offset of the first byte that says the data is not text, or null when
 * the bytes look like text. Control characters (not tab, LF, FF, CR, ESC)
 * say so only when there are more than a stray few: one control byte in an
 * exported text file is a typo, not a binary file. NUL bytes say so only when
 * there is nothing else: text with NULs in it (a database's padding of
 * fixed-length fields) is text, and they are left out of it when it is read
 * (nul-bytes.ts). UTF-16 text holds NULs, so a UTF-16 BOM means text.
 */
export function firstBinaryByte(head: Uint8Array): number | null {
  const bom = detectBom(head);
  if (bom === "utf-16le" || bom === "utf-16be") return null;
  let first: number | null = null;
  let controls = 0;
  let nuls = 0;
  const allowed = Math.max(2, head.length / 1000);
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) nuls++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      first ??= i;
      if (++controls > allowed) return first;
    }
  }
  return nuls > 0 && nuls === head.length ? 0 : null;
}
