import type { LineNote, TypeFinding } from "@/lib/csv/findings";
import type { LineRun } from "@/lib/csv/record-lines";
import type { RowLines } from "@/lib/staging/staged-file";
import { fail, ok, type Result } from "@/lib/result";
import { mayHoldExtendedJson, unwrapExtendedJson } from "@/lib/staging/extended-json";
import { ndjsonRecords } from "@/lib/staging/json-records";
import { CUT_RECORD, cutArray } from "@/lib/staging/json-cut";
import { recordsAroundFaults, wrappedRecordsAroundFaults } from "@/lib/staging/json-faults";
import { JsonSyntaxError, parseJsonLenient } from "@/lib/staging/json-lenient";
import { parseJsonSequence } from "@/lib/staging/json-sequence";
import { describeRepairs, type JsonRepairs } from "@/lib/staging/json-repairs";
import { unwrapScript } from "@/lib/staging/json-script";
import { jsonRows, sequenceRows, type JsonRowsAt } from "@/lib/staging/json-rows";
import type { Spread } from "@/lib/staging/json-nested";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { writeBadLines } from "./bad-lines";
import { dropRowLines, writeLineRuns } from "./csv/row-lines";
import { csvEngine } from "./csv/wasm-engine";
import { withConnection } from "./duckdb";
import { arrowEngine } from "./arrow-engine";
import { loadJson } from "./json-load";
import { jsonNearTypeFindings } from "./near-types";
import { readableText } from "./text";
import type { ReadInfo } from "./read-info";
import type { HeadPreview } from "@/lib/engine/api";
import { jsonHead } from "@/lib/staging/json-head";

/** The start of a JSON or NDJSON file its first records are shown from, as a CSV file's first rows are. */
const HEAD_BYTES = 256 * 1024;

/**
 * A JSON or NDJSON file's bytes (maybe gzip, in any encoding) read into the table; its first records are shown
 * (`onHead`) while the whole text is read and parsed.
 */
export async function readJsonFile(
  fileId: string,
  fileName: string,
  blob: Blob,
  options: ParseOptions,
  table: string,
  { bytes, onHead, onPhase }: { bytes?: Promise<Uint8Array>; onHead?: (head: HeadPreview) => void; onPhase?: (phase: string) => void },
): Promise<Result<ReadInfo>> {
  const { text, gzipCut } = await readableText(blob, options.gzip, options.encoding);
  if (onHead) {
    const head = jsonHead(await text.slice(0, HEAD_BYTES).text(), options.format === "ndjson" ? "ndjson" : "json", text.size <= HEAD_BYTES);
    if (head) onHead(head);
  }
  // Text as it is (not gzip, UTF-8) is decoded from the bytes staging read, rather than read from the file again.
  const whole = text === blob ? await bytes?.catch(() => null) : null;
  onPhase?.("Parsing the JSON");
  const read = await readJson(fileId, fileName, whole ? new TextDecoder().decode(whole) : await text.text(), options, table, () => onPhase?.("Loading rows into DuckDB"));
  return read.ok && gzipCut ? ok({ ...read.value, gzipCut }) : read;
}

/**
 * A JSON file (an array of objects, one object, or an object holding one list of objects) or NDJSON file (an object
 * per line) into a DuckDB table. The records are parsed here: an NDJSON line
 * that is not a JSON object is set aside with its line number and reason
 * (kept in the file's table of bad lines), or stops the read, as the options say.
 */
export async function readJson(
  fileId: string,
  fileName: string,
  text: string,
  options: ParseOptions,
  table: string,
  onParsed?: () => void,
): Promise<Result<{ badLines: number; setAsideLines?: LineNote[]; jsonRowsAt?: JsonRowsAt; jsonRepairs?: JsonRepairs; jsonSpread?: Spread[]; rowLines: RowLines; sheetOrJsonFindings?: TypeFinding[] }>> {
  // A DOS end-of-file mark (Ctrl-Z) ending the text is not data (text.ts `withoutEndOfFileMark`).
  const body = text.replace(/^\uFEFF/, "").replace(/\u001a$/, "");
  const script = options.format === "json" ? unwrapScript(body) : null;
  const parsed: JsonRead = options.format === "ndjson" ? ndjsonOrSequence(body, options.edits) : jsonRecords(script?.text ?? body);
  if ("message" in parsed) return fail({ file: fileName, message: parsed.message, ...("line" in parsed && parsed.line ? { line: parsed.line } : {}) });
  const { records, setAside, at, runs = [] } = parsed;
  const extended = mayHoldExtendedJson(body) ? unwrapExtendedJson(records) : 0;
  const repairs: JsonRepairs = { ...parsed.repairs, ...(extended ? { extended } : {}), ...(script ? { script: script.wrapper } : {}) };
  const first = setAside[0];
  if (first && options.badLines === "stop") {
    return fail({ file: fileName, line: first.line, message: `Line ${first.line} is ${first.reason}. Choose “Set aside the lines that do not fit” under Bad lines to stage the rest.` });
  }
  if (records.length === 0) return fail({ file: fileName, message: "The file holds no JSON objects to read as rows." });
  onParsed?.();
  return withConnection(async (conn) => {
    const { spread, caseKeys } = await loadJson(arrowEngine(conn), records, table, options.types, options.nestedObjects !== "keep");
    if (caseKeys.length) repairs.caseKeys = caseKeys;
    await writeBadLines(conn, fileId, setAside);
    // NDJSON rows after a blank line or a line set aside are not on their row number's line.
    const apart = runs.length > 1 || (runs[0]?.offset ?? 0) !== 0;
    const engine = csvEngine(conn);
    const lineTable = apart ? await writeLineRuns(engine, table, runs, records.length, 0) : await dropRowLines(engine, table);
    const repaired = describeRepairs(repairs) !== null;
    const near = await jsonNearTypeFindings(engine, table, options.types ?? {}, lineTable);
    return ok({
      badLines: setAside.length,
      // An NDJSON line set aside can be edited in place and read again (the options' edits); the first ones are listed.
      ...(options.format === "ndjson" && setAside.length ? { setAsideLines: setAside.slice(0, SHOWN_LINES) } : {}),
      rowLines: { before: 0, ...(lineTable ? { table: true } : {}) },
      ...(at ? { jsonRowsAt: at } : {}),
      ...(repaired ? { jsonRepairs: repairs } : {}),
      ...(spread.length ? { jsonSpread: spread } : {}),
      ...(near.length ? { sheetOrJsonFindings: near } : {}),
    });
  });
}

/** Set-aside lines listed in the file's record (all of them are in its table of bad lines, for the download). */
const SHOWN_LINES = 200;

type JsonRead = { records: Record<string, unknown>[]; setAside: LineNote[]; at?: JsonRowsAt; runs?: LineRun[]; repairs: JsonRepairs } | { message: string; line?: number };

/**
 * The records of a JSON file (its text without a byte-order mark): an array of objects, one object, or the one list of objects it holds
 * (json-rows.ts); or objects one after another; or an array's records (or an object's one list's) around the few that do not read, which are
 * set aside (json-faults.ts).
 */
function jsonRecords(text: string): JsonRead {
  let parsed: ReturnType<typeof parseJsonLenient>;
  try {
    parsed = parseJsonLenient(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) return { message: `The file is not valid JSON: ${(error as Error).message}.` };
    return (error.code === "EndOfFileExpected" ? sequenceRecords(text) : (cutRecords(text) ?? recordsAroundFaults(text) ?? wrappedRecordsAroundFaults(text))) ?? notValid(error);
  }
  const rows = jsonRows(parsed.value, text);
  return "message" in rows ? rows : { ...rows, setAside: [], repairs: parsed.repairs };
}

/** An array cut off before its end (json-cut.ts): its whole records, and the one it ends in set aside; null for any other fault. */
function cutRecords(text: string): JsonRead | null {
  const cut = cutArray(text);
  if (!cut) return null;
  let parsed: ReturnType<typeof parseJsonLenient>;
  try {
    parsed = parseJsonLenient(cut.whole);
  } catch {
    return null;
  }
  const rows = jsonRows(parsed.value, cut.whole);
  if ("message" in rows) return null;
  return { ...rows, setAside: [{ line: cut.cut.line, status: "set aside", reason: CUT_RECORD, text: cut.cut.text }], repairs: parsed.repairs };
}

/** A fault at the very first character is no JSON at all (a .json file of another format): the user is told where to choose it. */
const notValid = (error: JsonSyntaxError) => ({
  message: `The file is not valid JSON: ${error.message}.${error.line === 1 && error.column === 1 ? " It does not start as JSON does: if it is another format, choose it under Format." : ""}`,
  line: error.line,
});

/** JSON values one after another (json-sequence.ts), as rows; null when the text holds fewer than two. */
function sequenceRecords(json: string): JsonRead | null {
  let sequence: ReturnType<typeof parseJsonSequence>;
  try {
    sequence = parseJsonSequence(json);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return notValid(error);
    throw error;
  }
  if (!sequence) return null;
  const rows = sequenceRows(sequence.values);
  if ("message" in rows) return rows;
  return { records: rows.records, at: rows.at, setAside: [], repairs: sequence.repairs };
}

/** NDJSON's records; a file with no object on a line of its own that holds objects one after another (pretty-printed, as jq writes them) is read as those. */
function ndjsonOrSequence(text: string, edits: ParseOptions["edits"]): JsonRead {
  const lines = ndjsonRecords(text, edits);
  if (lines.records.length > 0) return lines;
  const sequence = sequenceRecords(text);
  return sequence && !("message" in sequence) ? sequence : lines;
}
