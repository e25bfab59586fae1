import { unreadableReason } from "@/lib/format-error";
import { fail, ok, type Result } from "@/lib/result";
import { keepsCodes, type ParseOptions } from "@/lib/staging/parse-options";
import type { CompanionKind } from "@/lib/staging/staged-file";
import type { TypedCell, TypedTable } from "@/lib/typed-table/table";
import { arrowEngine } from "./arrow-engine";
import { storageFor } from "./csv/storage";
import { withConnection } from "./duckdb";
import type { ReadInfo } from "./read-info";
import { loadTypedTable } from "./typed-table-load";
import { withLabelColumns } from "@/lib/typed-table/label-columns";
import { wholeBytes } from "@/lib/bytes";
import { formatBytes } from "@/lib/format";
import { splitHead, typedHead } from "@/lib/typed-table/head";
import { counted } from "@/lib/typed-table/counted";
import type { HeadPreview } from "@/lib/engine/api";

/** The rows a typed file's preview shows, as a CSV file's. */
const HEAD_ROWS = 20;

/** A file whose columns are typed by the file itself, read in lib/ (a SAS, Stata or SPSS dataset). */
export interface TypedFile {
  /** "This <kind> cannot be read: …". */
  kind: string;
  /** What to do instead, when it cannot. */
  instead: string;
  /**
   * The file's columns and rows (of the part named, where it holds several, with the names of all its parts: a SAS
   * transport library's datasets), read with the files added with it (a SAS dataset's catalog), and what the read
   * panel says of those; it, or its rows as they are read, may throw a FormatError saying why it cannot.
   */
  table(bytes: Uint8Array, read: TypedRead): TypedTable & { parts?: string[]; findings?: Pick<ReadInfo, "sasFormats" | "codeLabels" | "declaredMissing"> };
}

/** The labels of the codes of each labelled column (those with labels), for the version's schema when they are read as codes. */
export function codeLabelsOf(columns: Iterable<readonly [string, ReadonlyMap<number | string, string> | undefined]>): Pick<ReadInfo, "codeLabels"> {
  const labelled = [...columns].flatMap(([name, labels]) => (labels?.size ? [[name, [...labels].map(([value, label]) => ({ value, label }))] as const] : []));
  return labelled.length ? { codeLabels: Object.fromEntries(labelled) } : {};
}

/**
 * How a typed file is read: the part chosen, the files added with it, its labelled codes as their labels or as
 * codes, and the values its variables declare missing (SPSS's) read as empty or kept.
 */
export interface TypedRead {
  part?: string;
  companions: TypedCompanion[];
  codes: boolean;
  keepMissing: boolean;
}

/** A file added with a typed file, read with it. */
export interface TypedCompanion {
  kind: CompanionKind;
  name: string;
  bytes: Uint8Array;
}

/**
 * A typed file into the staged table (typed-table-load.ts). A fault the reader meets, as the file is opened or its
 * rows are read, is said as the file's (what is wrong, what to do); anything else is DuckDB's to say.
 */
export async function readTypedFile(
  fileName: string,
  blob: Blob,
  options: ParseOptions,
  table: string,
  file: TypedFile,
  {
    companions = [],
    onHead,
    onRows,
  }: { companions?: { kind: CompanionKind; name: string; blob: Blob }[]; onHead?: (head: HeadPreview) => void; onRows?: (done: number, total?: number) => void } = {},
): Promise<Result<ReadInfo>> {
  // The readers read a file from its bytes held whole: one of several gigabytes may be more than the browser holds.
  const bytes = await wholeBytes(blob);
  if (!bytes) return fail({ file: fileName, message: `This ${file.kind} is ${formatBytes(blob.size)}: more than this browser can hold in one piece to read it. ${file.instead}` });
  const withIt = await Promise.all(companions.map(async ({ kind, name, blob: b }) => ({ kind, name, bytes: new Uint8Array(await b.arrayBuffer()) })));
  const unreadable = (error: unknown) => fail({ file: fileName, message: `This ${file.kind} cannot be read: ${unreadableReason(error)}. ${file.instead}` });
  let typed: ReturnType<TypedFile["table"]>;
  try {
    typed = file.table(bytes, { part: options.sheet, companions: withIt, codes: keepsCodes(options), keepMissing: options.userMissing === "kept" });
    if (options.valueLabels === "both" && typed.findings?.codeLabels) typed = { ...typed, ...withLabelColumns(typed, typed.findings.codeLabels) };
    // Its first rows show while DuckDB starts or loads the rest, as a CSV file's do.
    if (onHead) {
      const { head, rows } = splitHead(typed.rows, HEAD_ROWS);
      if (head.length) onHead(typedHead(typed.columns, head));
      typed = { ...typed, rows };
    }
  } catch (error) {
    return unreadable(error);
  }
  const fault: { error?: unknown } = {};
  const { rowCount } = typed;
  const rows = onRows ? counted(typed.rows, (done) => onRows(done, rowCount)) : typed.rows;
  const read = await withConnection((conn) => loadTypedTable(arrowEngine(conn), { ...typed, rows: noting(rows, fault) }, table, options.types ?? {}, storageFor(bytes.length))).catch((error: unknown) => {
    if ("error" in fault) return null;
    throw error;
  });
  if (read === null) return unreadable(fault.error);
  if (!read) return fail({ file: fileName, message: `The ${file.kind} holds no rows.` });
  // The one read, of several, is recorded and offered among the others (the read panel's Dataset choice).
  const parts = typed.parts ?? [];
  const labels = typed.columns.flatMap((c) => (c.label ? [[c.name, c.label] as const] : []));
  return ok({ badLines: 0, ...typed.findings, ...(labels.length ? { columnLabels: Object.fromEntries(labels) } : {}), ...(typed.label ? { datasetLabel: typed.label } : {}), ...(parts.length > 1 ? { sheets: parts, parse: { ...options, sheet: options.sheet ?? parts[0] } } : {}) });
}

/** The rows, a fault met reading them noted in `fault` before it goes on up. */
function* noting(rows: Iterable<TypedCell[]>, fault: { error?: unknown }): Generator<TypedCell[]> {
  try {
    yield* rows;
  } catch (error) {
    fault.error = error;
    throw error;
  }
}
