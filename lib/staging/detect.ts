import { detectBom } from "./sniff-bytes";
import { legacyEncoding } from "./legacy-encoding";
import { holdsUtf8, UTF8_MIXED } from "./mixed-utf8";
import { opensWrappedJson } from "./json-script";

/**
 * What a staged file is, from its name and first bytes: the format, whether
 * it is gzip-compressed, and its text encoding. The user can override each.
 */
export const FORMATS = ["csv", "json", "ndjson", "parquet", "xlsx", "html", "xml", "sqlite", "dbf", "dta", "sav", "sas7bdat", "xpt", "arrow", "por"] as const;
export type FileFormat = (typeof FORMATS)[number];

/** The formats whose text encoding is the user's to choose; the others are binary, or say their own. */
export const hasEncoding = (format: FileFormat): boolean => ["csv", "json", "ndjson", "html", "xml", "dbf"].includes(format);

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const startsWithText = (head: Uint8Array, text: string) => startsWith(head, [...text].map((c) => c.charCodeAt(0)));

export const isGzip = (head: Uint8Array) => startsWith(head, [0x1f, 0x8b]);

/** A ZIP archive's first bytes: an Excel workbook, or an archive of other files (lib/staging/zip-entries.ts). */
export const isZip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);

/** An OLE compound file's first bytes: an Excel 97–2003 workbook (lib/xls/), a Word .doc, an Outlook .msg, an encrypted .xlsx. */
export const isCompoundFile = (head: Uint8Array) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A SAS dataset's (or catalog's) first 16 bytes: twelve zeros, then SAS's mark (lib/sas/sas7bdat.ts). */
const isSasFile = (head: Uint8Array) => head.length >= 16 && head.subarray(0, 12).every((b) => b === 0) && startsWith(head.subarray(12), [0xc2, 0xea, 0x81]) && (head[15] === 0x60 || head[15] === 0x63);

/** Strip compression extensions: "a.csv.gz" → "a.csv". */
export const innerName = (name: string) => name.replace(/\.(gz|gzip)$/i, "");

export function detectFormat(name: string, head: Uint8Array): FileFormat {
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return "parquet";
  // A ZIP archive is read as a workbook (.xlsx, .ods) and so is an OLE compound file (an Excel 97–2003 .xls); their readers say what other ones are.
  if (isZip(head) || isCompoundFile(head)) return "xlsx";
  if (startsWithText(head, "SQLite format 3\0")) return "sqlite";
  if (startsWithText(head, "<stata_dta>")) return "dta";
  if (startsWithText(head, "$FL2") || startsWithText(head, "$FL3")) return "sav";
  if (isSasFile(head)) return "sas7bdat";
  if (startsWithText(head, "ARROW1")) return "arrow";
  // An SPSS portable file: its mark comes after a 200-character splash and a 256-character table, in lines of 80.
  if (new TextDecoder("latin1").decode(head.subarray(0, 640)).replace(/\r?\n/g, "").slice(456, 464) === "SPSSPORT") return "por";
  // A SAS transport file (XPORT 5 or 8), or a CPORT one, which its reader names.
  if (startsWithText(head, "HEADER RECORD*******LIB") || startsWithText(head, "**COMPRESSED**")) return "xpt";
  const ext = /\.([a-z0-9]+)$/i.exec(innerName(name))?.[1]?.toLowerCase();
  if (ext === "parquet") return "parquet";
  // An Arrow IPC stream has no mark of its own, and neither has a Feather file of the first version (which its reader names).
  if (ext === "arrows" || ext === "arrow" || ext === "feather" || ext === "ipc") return "arrow";
  // A dBase table has no mark of its own: its name says it (a shapefile's attributes, a FoxPro export).
  if (ext === "dbf") return "dbf";
  // A Stata dataset of Stata 12 or older has no mark either: its reader reads it, or says what to do.
  if (ext === "dta") return "dta";
  if (ext === "por") return "por";
  // A workbook is a ZIP archive (above): text under an Excel name (an application's "Excel" export of CSV or TSV)
  // is read as the text it is; other bytes are named as what they are (known-binaries.ts) or as not text.
  if (ext === "ndjson" || ext === "jsonl") return "ndjson";
  // An HTML document under any name (a web application's "Excel" export, report.xls; a page saved as CSV) is read for its table.
  if (ext === "html" || ext === "htm" || markupKind(head) === "HTML") return "html";
  if (ext === "csv" || ext === "tsv" || ext === "tab" || ext === "txt") return "csv";
  // An XML document under any other name (records, or Excel's XML Spreadsheet 2003 saved as report.xls) is read for its rows.
  if (ext === "xml" || markupKind(head) === "XML") return "xml";
  // A .json file is JSON whatever it starts with: a fault in it is then named as JSON's, not read as one column of CSV.
  // So is JSON inside a line of JavaScript (JSONP, `var data = […]`), under any name but a CSV's.
  return jsonShape(head) ?? (ext === "json" || opensWrappedJson(headText(head)) ? "json" : "csv");
}

/** A file's first bytes (up to `bytes` of them) as text, without a byte-order mark. */
const headText = (head: Uint8Array, bytes = head.length): string => new TextDecoder().decode(head.subarray(0, bytes)).replace(/^\uFEFF/, "");

/**
 * A web page or an XML document saved under a data file's name (a download that returned an error or
 * sign-in page): read as CSV it would stage as one column of markup.
 */
export function markupKind(head: Uint8Array): "HTML" | "XML" | null {
  const text = headText(head, 512).trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<meta|<style|<table)\b/.test(text)) return "HTML";
  if (text.startsWith("<?xml")) return /^<\?xml[^>]*>\s*(<!doctype html|<html)/.test(text) ? "HTML" : "XML";
  return null;
}

/** A statement that starts a SQL script: a database's dump (mysqldump, pg_dump, SQLite's .dump) saved as a data file. */
const SQL_STATEMENT = /^(insert\s+into\s|create\s+(table|database|schema|index|unique\s+index|view)\s|drop\s+(table|database|schema)\s|begin\s+transaction\b|pragma\s|lock\s+tables\s|set\s+[\w@.]+\s*=|copy\s+\S+.*\sfrom\s+stdin)/;
/** SQL comments before it (-- lines, /* … *\/ blocks, MySQL's /*!40101 … *\/ settings). */
const SQL_COMMENTS = /^(\s*(--[^\n]*|\/\*[\s\S]*?\*\/;?))*\s*/;

/** Whether the text is a SQL script: read as CSV, it would stage its statements cut at their commas. */
export function isSqlScript(head: Uint8Array): boolean {
  const text = headText(head, 4096).replace(SQL_COMMENTS, "").toLowerCase();
  return SQL_STATEMENT.test(text);
}

/** Comments before the first value (// … lines and /* … *\/ blocks, as JSONC and hand-edited files start). */
const LEADING_COMMENTS = /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/;

/** "[" starts a JSON array; a first line that is a whole object, with more lines after it, starts NDJSON. */
function jsonShape(head: Uint8Array): "json" | "ndjson" | null {
  const text = headText(head).replace(LEADING_COMMENTS, "").trim();
  if (text.startsWith("[")) return "json";
  if (!text.startsWith("{")) return null;
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  if (firstLine.length === text.length) return "json";
  try {
    JSON.parse(firstLine);
    return "ndjson";
  } catch {
    return "json";
  }
}

/** Encodings offered to the user; DuckDB reads UTF-8 itself, the rest are transcoded. */
export const ENCODINGS = ["utf-8", UTF8_MIXED, "utf-16le", "utf-16be", "windows-1252", "iso-8859-15", "shift_jis", "euc-jp", "gb18030", "big5", "euc-kr", "windows-1251", "koi8-r"] as const;

/**
 * The encoding of text bytes: a byte-order mark, else UTF-16 when every
 * other byte is NUL, else UTF-8 when the bytes decode as UTF-8, else the
 * legacy code page whose characters read likeliest (legacy-encoding.ts), or
 * UTF-8 with Windows-1252 for its odd bytes when it holds both.
 */
export function detectEncoding(head: Uint8Array): string {
  const bom = detectBom(head);
  if (bom) return bom;
  const sample = head.subarray(0, 512);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? oddNul++ : evenNul++);
  if (oddNul > sample.length / 4 && evenNul === 0) return "utf-16le";
  if (evenNul > sample.length / 4 && oddNul === 0) return "utf-16be";
  if (isUtf8(head)) return "utf-8";
  // UTF-8 beside bytes of Windows-1252 (files joined or edited in two tools): each read as what it is (mixed-utf8.ts).
  const legacy = legacyEncoding(head);
  return legacy === "windows-1252" && holdsUtf8(head) ? UTF8_MIXED : legacy;
}

function isUtf8(bytes: Uint8Array): boolean {
  // Ignore a multi-byte character cut off at the end of the sample.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < need) end -= back;
    }
    break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
