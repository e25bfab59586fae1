/** A sheet's row and cell tags, read in place in its XML as read-excel-file reads their `r`, `s` and `t` (sheet-scan.ts). */

export interface CellAttributes {
  r?: string;
  s?: string;
  t?: string;
}

/** A cell address's row and column (B3: 3, 2), as read-excel-file reads it; null where it throws. */
export function cellAddress(address: string): [number, number] | null {
  let column = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      const row = Number(address.slice(i));
      return Number.isNaN(row) ? null : [row, column];
    }
    column = column * 26 + code - 64;
  }
  return null;
}

export interface OpenTag extends CellAttributes {
  /** A cell's row and column, when its `r` is letters and digits. */
  row?: number;
  column?: number;
  /** Where its `>` is. */
  end: number;
  selfClosing: boolean;
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * The attributes of the tag whose name ends at `from` (its `r`, `s` and `t`) and where it ends; null where one of them
 * is written with a prefix or an entity, or the tag is not whole.
 */
export function openTag(xml: string, from: number, cell = false): OpenTag | null {
  const tag: OpenTag = { end: -1, selfClosing: false };
  let i = from;
  for (;;) {
    const code = xml.charCodeAt(i);
    if (Number.isNaN(code)) return null;
    if (code === 62) {
      tag.end = i;
      tag.selfClosing = xml.charCodeAt(i - 1) === 47;
      return tag;
    }
    if (isSpace(code) || code === 47) {
      i++;
      continue;
    }
    const eq = xml.indexOf("=", i);
    if (eq < 0) return null;
    let nameEnd = eq;
    while (isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    let valueStart = eq + 1;
    while (isSpace(xml.charCodeAt(valueStart))) valueStart++;
    const quote = xml.charCodeAt(valueStart);
    if (quote !== 34 && quote !== 39) return null;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", valueStart + 1);
    if (valueEnd < 0) return null;
    const last = xml.charCodeAt(nameEnd - 1);
    if (last === 114 || last === 115 || last === 116) {
      if (nameEnd - i === 1) {
        if (last === 114 && cell && address(xml, valueStart + 1, valueEnd, tag)) {
          tag.r = "";
          i = valueEnd + 1;
          continue;
        }
        const value = xml.slice(valueStart + 1, valueEnd);
        if (value.includes("&")) return null;
        if (last === 114) tag.r = value;
        else if (last === 115) tag.s = value;
        else tag.t = value;
      } else if (xml.charCodeAt(nameEnd - 2) === 58) return null;
    }
    i = valueEnd + 1;
  }
}

/** A cell's address of capital letters then digits (B3) read in place into the tag's row and column; false for another. */
function address(xml: string, from: number, to: number, tag: OpenTag): boolean {
  let column = 0;
  let i = from;
  for (; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  if (i === from || i === to) return false;
  let row = 0;
  for (; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + code - 48;
  }
  tag.row = row;
  tag.column = column;
  return true;
}
