import type { StagesError } from "@/lib/result";

/**
 * Turn a DuckDB error message into a user-facing error that says what and
 * where. DuckDB's CSV reader reports "CSV Error on Line: N" and, for type
 * conversions, the column it was converting; everything from "Possible
 * fixes" on is advice for the SQL user, not for ours.
 */
export function fromDuckDbError(raw: string, file?: string): StagesError {
  const text = unwrap(raw).text;
  const lineMatch = /on Line:\s*(\d+)/i.exec(text);
  const columnMatch = /converting column "([^"]+)"/i.exec(text);
  return {
    message: summarize(text),
    file,
    line: lineMatch ? Number(lineMatch[1]) : undefined,
    column: columnMatch?.[1],
  };
}

/** DuckDB's answer for a name that binds to no table or view. */
export const isMissingTable = (raw: string): boolean => /Table with name .+ does not exist/.test(raw);

const STOP = /^(Possible (fixes|solutions)|The search space|LINE \d+:|This type was auto-detected)/;
const SKIP = /^(Original Line:|Column .* is being converted)/;

function summarize(text: string): string {
  if (/Error when sniffing file/i.test(text)) {
    return "Could not detect how this file is laid out (delimiter, quotes, header): it may not be a CSV file.";
  }
  const lines = text.split("\n").map((l) => l.trim());
  const head = (lines[0] ?? "")
    .replace(/^[A-Za-z ]*Error:\s*/, "")
    .replace(/^CSV Error on Line:\s*\d+\s*/i, "");
  const body: string[] = [];
  for (const line of lines.slice(1)) {
    if (STOP.test(line)) break;
    if (line && !SKIP.test(line)) body.push(line);
  }
  const sentence = [head, ...body.slice(0, 2)]
    .filter(Boolean)
    .map((p) => p.replace(/\.$/, ""))
    .join(". ");
  return sentence ? `${sentence}.` : "DuckDB could not read this input.";
}

/**
 * DuckDB-WASM reports some errors as JSON ({exception_type, exception_message,
 * position}); others as plain "Type Error: message" text. Both become text,
 * plus the character offset into the statement where DuckDB gives one.
 */
export function unwrap(raw: string): { text: string; offset?: number } {
  const text = raw.replace(/^Error:\s*/, "");
  if (text.startsWith("{")) {
    try {
      const json = JSON.parse(text) as { exception_type?: string; exception_message?: string; position?: string };
      if (json.exception_message) {
        const offset = json.position !== undefined ? Number(json.position) : undefined;
        return { text: `${json.exception_type ?? "DuckDB"} Error: ${json.exception_message}`, offset: Number.isFinite(offset) ? offset : undefined };
      }
    } catch {
      // Not JSON after all: use the text as it is.
    }
  }
  return { text };
}

/**
 * Where in the user's SQL an error is: line and 1-based position within the
 * line. `statement` is what DuckDB ran and `userStart` where the user's text
 * begins in it. Uses DuckDB's character offset, else its "LINE n:" excerpt
 * and the caret under it.
 */
export function sqlErrorPosition(raw: string, statement: string, userStart = 0): { line: number; position: number } | null {
  const { text, offset } = unwrap(raw);
  if (offset !== undefined && offset >= userStart && offset <= statement.length) {
    const before = statement.slice(userStart, offset);
    const line = before.split("\n").length;
    return { line, position: offset - userStart - (before.lastIndexOf("\n") + 1) + 1 };
  }
  const linesBefore = statement.slice(0, userStart).split("\n").length - 1;
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (at < 0) return null;
  const excerpt = lines[at]!;
  const line = Number(/^LINE (\d+): /.exec(excerpt)![1]) - linesBefore;
  const caret = lines[at + 1]?.indexOf("^") ?? -1;
  if (line < 1 || caret < 0) return null;
  return { line, position: caret - excerpt.indexOf(": ") - 1 };
}
