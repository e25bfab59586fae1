/**
 * Text in a workbook's XML as read-excel-file reads it (its saxen parser's entity decoding and its `_xHHHH_`
 * unescaping), so that the sheet scan (sheet-scan.ts) gives the same values.
 */

const ENTITY = /&#(\d+);|&#x([0-9a-f]+);|&(\w+);/gi;
const NAMED: Record<string, string> = { amp: "&", apos: "'", gt: ">", lt: "<", quot: '"', AMP: "&", APOS: "'", GT: ">", LT: "<", QUOT: '"' };

/** Character references (`&#233;`, `&#xE9;`) and the five named entities decoded; another name kept as written. */
export function decodeEntities(text: string): string {
  if (text.length <= 3 || !text.includes("&")) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return Object.hasOwn(NAMED, name) ? NAMED[name]! : `&${name};`;
    return String.fromCharCode(decimal ? Number(decimal) : parseInt(hex!, 16));
  });
}

/** The `_xHHHH_` escapes of a spreadsheet's strings (characters XML 1.0 cannot hold) decoded, left to right. */
export function unescapeXlsx(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
