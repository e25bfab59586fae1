import { decodeEntities, unescapeXlsx } from "./xml-text";

/**
 * The text of a shared string (`<si>`) or an inline string (`<is>`) as read-excel-file reads it: a `<t>` directly
 * inside sets the text, the `<t>` of rich-text runs (`<r>`) add to it, phonetic runs (`<rPh>`) are left out, and its
 * `_xHHHH_` escapes are decoded. Null when the XML holds what that reading does not meet (a namespace prefix, CDATA).
 */
export function richText(xml: string, from: number, to: number): string | null {
  let text = "";
  let inT = false;
  let inR = false;
  let inRPh = false;
  let at = from;
  while (at < to) {
    const lt = xml.indexOf("<", at);
    const end = lt < 0 || lt > to ? to : lt;
    if (end > at && inT && !inRPh) {
      const value = decodeEntities(xml.slice(at, end));
      text = inR ? text + value : value;
    }
    if (end === to) break;
    const close = xml.indexOf(">", lt);
    if (close < 0 || close > to) return null;
    const closing = xml.charCodeAt(lt + 1) === 47;
    const selfClosing = xml.charCodeAt(close - 1) === 47;
    const name = /^[A-Za-z]+/.exec(xml.slice(closing ? lt + 2 : lt + 1, close))?.[0];
    if (!name || xml.charCodeAt(lt + 1 + (closing ? 1 : 0) + name.length) === 58) return null;
    // An element that closes (or opens and closes at once) turns its flag off, one that opens turns it on.
    const on = !closing && !selfClosing;
    if (name === "t") inT = on;
    else if (name === "r") inR = on;
    else if (name === "rPh") inRPh = on;
    at = close + 1;
  }
  return unescapeXlsx(text);
}

/** What may follow an element's name: space, tab, line feed, carriage return, `/`, `>`. */
export const NAME_END = new Set([32, 9, 10, 13, 47, 62]);

/** A workbook's shared strings (`xl/sharedStrings.xml`), each as read-excel-file reads it; null where that reading differs. */
export function sharedStrings(xml: string): string[] | null {
  const strings: string[] = [];
  let at = 0;
  for (;;) {
    const start = xml.indexOf("<si", at);
    if (start < 0) return strings;
    const after = xml.charCodeAt(start + 3);
    if (!NAME_END.has(after)) {
      at = start + 3;
      continue;
    }
    const open = xml.indexOf(">", start);
    if (open < 0) return null;
    if (xml.charCodeAt(open - 1) === 47) {
      strings.push("");
      at = open + 1;
      continue;
    }
    const end = xml.indexOf("</si>", open);
    if (end < 0) return null;
    const text = plainText(xml, open + 1, end) ?? richText(xml, open + 1, end);
    if (text === null) return null;
    strings.push(text);
    at = end + 5;
  }
}

/** The text of a string that is one `<t>` and nothing else, as most are; null for another. */
function plainText(xml: string, from: number, to: number): string | null {
  if (!xml.startsWith("<t", from) || !xml.startsWith("</t>", to - 4)) return null;
  const open = xml.indexOf(">", from);
  const next = xml.charCodeAt(from + 2);
  if (open < 0 || open > to - 4 || (next !== 62 && next !== 32) || xml.charCodeAt(open - 1) === 47) return null;
  if (xml.indexOf("<", open) !== to - 4) return null;
  return unescapeXlsx(decodeEntities(xml.slice(open + 1, to - 4)));
}
