import { line, orders, random } from "./clean";

/**
 * Several faults in one file, as real files carry them: each seed picks two
 * to six from the list below and applies them, in order, to the clean orders
 * table (each of its rows holds its own URL, so where each row went can be
 * told afterwards). Deterministic.
 */
type Fault = (lines: string[], r: () => number, d: string) => void;

const dataRow = (lines: string[], r: () => number) => 1 + Math.floor(r() * (lines.length - 1));

export const FAULTS: Record<string, Fault> = {
  "stray quote": (ls, r, d) => { const i = dataRow(ls, r); const f = ls[i]!.split(d); const c = Math.floor(r() * 5); f[c] = `"${f[c]}`; ls[i] = f.join(d); },
  "extra delimiter": (ls, r, d) => { const i = dataRow(ls, r); const at = ls[i]!.indexOf(d, 3) + 2; ls[i] = ls[i]!.slice(0, at) + d + ls[i]!.slice(at); },
  "missing delimiter": (ls, r, d) => { const i = dataRow(ls, r); ls[i] = ls[i]!.replace(d, ""); },
  "a row in another delimiter": (ls, r, d) => { const i = dataRow(ls, r); if (!ls[i]!.includes('"')) ls[i] = ls[i]!.replaceAll(d, d === "," ? ";" : ","); },
  "a lone CR": (ls, r) => { const i = dataRow(ls, r); ls[i] += "\r"; },
  "CRLF everywhere": (ls) => { for (let i = 0; i < ls.length; i++) if (!ls[i]!.endsWith("\r")) ls[i] += "\r"; },
  "a blank line": (ls, r) => { ls.splice(dataRow(ls, r), 0, ""); },
  "a line of delimiters": (ls, r, d) => { ls.splice(dataRow(ls, r), 0, d.repeat(8)); },
  "lines above the header": (ls, r) => { ls.unshift(...["Report for March", "", "Exported 2024-03-01"].slice(0, 1 + Math.floor(r() * 3))); },
  "notes below": (ls) => { ls.push("", "Note: provisional figures"); },
  "a total row": (ls, _, d) => { ls.push(["Total", "", "", "", "", "", "", "", "1234"].join(d)); },
  "a trailing delimiter": (ls, _, d) => { for (let i = 0; i < ls.length; i++) if (ls[i]) ls[i] = ls[i]!.endsWith("\r") ? `${ls[i]!.slice(0, -1)}${d}\r` : `${ls[i]}${d}`; },
  "a short row": (ls, r, d) => { const i = dataRow(ls, r); ls[i] = ls[i]!.split(d).slice(0, 4).join(d); },
  "the header again": (ls, r, d) => { ls.splice(dataRow(ls, r), 0, ls.find((l) => l.startsWith("order_id")) ?? line(orders().header, d)); },
  "a row twice": (ls, r) => { const i = dataRow(ls, r); ls.splice(i, 0, ls[i]!); },
  "a value over two lines": (ls, r, d) => { const i = dataRow(ls, r); ls[i] = ls[i]!.replace(new RegExp(`\\${d}"?([a-z]+), `), `${d}"$1\nsecond line, `); if (!ls[i]!.includes(`${d}"`)) return; if ((ls[i]!.match(/"/g) ?? []).length % 2) ls[i] = ls[i]!.replace(/, ([a-z]+ and [a-z]+)/, ', $1"'); },
  "quotes inside a quoted value": (ls, r, d) => { const i = dataRow(ls, r); ls[i] = ls[i]!.replace(new RegExp(`\\${d}"([a-z]+), `), `${d}"$1 "quoted" word, `); },
  "a last row's quote never closed": (ls) => { ls[ls.length - 1] = `"${ls[ls.length - 1]}`; },
  "a quoted number": (ls, r, d) => { const i = dataRow(ls, r); ls[i] = ls[i]!.replace(new RegExp(`^(\\d+)\\${d}`), `"$1"${d}`); },
  "a tab in a value": (ls, r) => { const i = dataRow(ls, r); ls[i] = ls[i]!.replace(" and ", "\tand "); },
  "an emoji": (ls, r) => { const i = dataRow(ls, r); ls[i] = ls[i]!.replace("Ann", "Ann 😀"); },
  "a byte-order mark": (ls) => { if (!ls[0]!.startsWith("\uFEFF")) ls[0] = `\uFEFF${ls[0]}`; },
  "Excel's sep= line": (ls, _, d) => { ls.unshift(`sep=${d}`); },
  "a comment line above": (ls) => { ls.unshift("# exported from the shop"); },
  "every value quoted": (ls, _, d) => { for (let i = 0; i < ls.length; i++) if (ls[i] && !ls[i]!.includes('"')) ls[i] = ls[i]!.replace(/\r$/, "").split(d).map((f) => `"${f}"`).join(d) + (ls[i]!.endsWith("\r") ? "\r" : ""); },
  "spaces after delimiters": (ls, r, d) => { const i = dataRow(ls, r); ls[i] = ls[i]!.split(d).join(`${d} `); },
  "a line of spaces": (ls, r) => { ls.splice(dataRow(ls, r), 0, "   "); },
  "mixed line ends": (ls) => { for (let i = 0; i < ls.length; i += 2) if (!ls[i]!.endsWith("\r")) ls[i] += "\r"; },
};

export interface Combined {
  seed: number;
  faults: string[];
  /** The file's lines as written (a line may hold a value's line end). */
  lines: string[];
  text: string;
}

export function combined(seed: number, delimiter = ","): Combined {
  const r = random(seed * 7919);
  const names = Object.keys(FAULTS);
  const clean = orders();
  const lines = [line(clean.header, delimiter), ...clean.rows.map((row) => line(row, delimiter))];
  const faults = Array.from({ length: 2 + Math.floor(r() * 5) }, () => names[Math.floor(r() * names.length)]!);
  for (const fault of faults) FAULTS[fault]!(lines, r, delimiter);
  return { seed, faults, lines, text: lines.join("\n") + "\n" };
}

/** Row i's URL, as it ends a value in a line of the file. */
export const urlOf = (i: number) => `https://shop.example/p/${i}`;
