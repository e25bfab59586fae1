import { fail, ok, type Result } from "@/lib/result";
import { detectFormat } from "./detect";

/** A table pasted into the page, as the file it is staged as. */
export interface PastedTable {
  name: string;
  text: string;
  type: string;
}

const NAME = /^pasted-table-(\d+)\.[a-z]+$/;

/**
 * What a paste holds, as a file to stage: rows copied from a spreadsheet (Excel, LibreOffice, Google Sheets and
 * Numbers put tab-separated text on the clipboard), CSV or JSON text copied from an editor, or a table copied from a
 * web page (its HTML, where its text is not tab-separated). Named `pasted-table-N` after those already staged, with
 * the extension of what it holds. One line that is not JSON is not a table: said, not staged.
 */
export function pastedTable(plain: string, html: string, staged: readonly string[]): Result<PastedTable> {
  const text = plain.replace(/^\uFEFF/, "");
  const tabbed = /\t/.test(text);
  const htmlTable = /<table[\s>]/i.test(html);
  if (!tabbed && htmlTable) return ok({ name: nextName(staged, "html"), text: html, type: "text/html" });
  if (!text.trim()) return fail({ message: "The clipboard holds no text to stage: copy rows from a spreadsheet, a CSV or JSON text, or a table on a web page." });
  const format = detectFormat("pasted", new TextEncoder().encode(text.slice(0, 4096)));
  if (format === "json" || format === "ndjson") return ok({ name: nextName(staged, format), text, type: format === "json" ? "application/json" : "application/x-ndjson" });
  if (format === "html") return ok({ name: nextName(staged, "html"), text, type: "text/html" });
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim()).length;
  if (lines < 2) return fail({ message: "The pasted text is one line, not a table: copy rows with their header from a spreadsheet, or a CSV or JSON text, and paste again." });
  return ok(tabbed ? { name: nextName(staged, "tsv"), text, type: "text/tab-separated-values" } : { name: nextName(staged, "csv"), text, type: "text/csv" });
}

/** `pasted-table-N.ext`, N one more than the highest among the staged files' names. */
function nextName(staged: readonly string[], ext: string): string {
  const taken = staged.map((name) => Number(NAME.exec(name)?.[1] ?? 0));
  return `pasted-table-${Math.max(0, ...taken) + 1}.${ext}`;
}
