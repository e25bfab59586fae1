"use client";

import { isBlankValue } from "@/lib/csv/blank-values";
import { describeDeletedRecords, describeMemoFields } from "@/lib/dbf/table";
import { describeSasFormats } from "@/lib/sas/formats";
import { describeCodeLabels } from "@/lib/datasets/column-units";
import { describeDeclaredMissing } from "@/lib/spss/missing";
import { describeMarked } from "@/lib/csv/missing-values";
import { describeWrittenDates } from "@/lib/csv/written-dates";
import { describeLeadingZeros } from "@/lib/csv/leading-zeros";
import { describeFixedWidth } from "@/lib/csv/fixed-width";
import { MARKDOWN_TABLE } from "@/lib/csv/markdown-table";
import { WRAPPED_LINES, WRAPPED_TEXT } from "@/lib/csv/wrapped-lines";
import { RAGGED_ROWS } from "@/lib/csv/ragged-rows";
import { describeFormulaText } from "@/lib/csv/formula-text";
import { describeApostropheText } from "@/lib/csv/apostrophe-text";
import { describeLostDigits } from "@/lib/csv/lost-digits";
import { describeUnits } from "@/lib/csv/units-line";
import { describeEmptyColumns } from "@/lib/csv/empty-columns";
import { describeReadNames } from "@/lib/csv/header-gaps";
import { describeNumbers } from "@/lib/csv/number-format";
import { describeReadOptions } from "@/lib/recipe/read-options";
import type { FindingActions } from "./finding-actions";
import { keepsCodes, type ParseOptions } from "@/lib/staging/parse-options";
import { describeRepairs } from "@/lib/staging/json-repairs";
import { describeCoverSheet } from "@/lib/xlsx/cover-sheet";
import { describeMendedCells } from "@/lib/xlsx/mend-cells";
import { shortHash } from "@/lib/format";
import { describeJsonRowsAt } from "@/lib/staging/json-rows";
import { describeSpread } from "@/lib/staging/json-nested";
import { describeRowidRenames } from "@/lib/staging/rowid-clash";
import { describeLineBreakRenames } from "@/lib/staging/name-breaks";
import { describeNulBytes } from "@/lib/staging/nul-bytes";
import { describeGzipCut } from "@/lib/staging/gzip-cut";
import type { CompanionKind, StagedFile } from "@/lib/staging/staged-file";
import { SetAsideLines } from "./SetAsideLines";
import { TypeFindingList } from "./TypeFindingList";
import { describeFindingCounts } from "@/lib/csv/findings";

/** What a file added with a table gives it. */
const COMPANION_READ: Record<CompanionKind, string> = {
  memo: "Its memo fields are read from",
  shp: "Its geometry is read from",
  catalog: "Its formats' labels are read from the catalog",
};
/** Where a value of a file not read as CSV is: a JSON record, an NDJSON line, a sheet's row. */
const UNITS: Record<ParseOptions["format"], "line" | "record" | "row"> = { csv: "line", json: "record", ndjson: "line", parquet: "row", xlsx: "row", html: "row", xml: "row", sqlite: "row", dbf: "row", dta: "row", sav: "row", sas7bdat: "row", xpt: "row", arrow: "row", por: "row" };

/** What reading a staged file found: the dialect, the encoding, lines set aside or mended, ambiguous dates, leniency. */
export function ReadFindings({
  file,
  onReread,
  onDownload,
  onStageSecondTable,
  actions,
}: {
  file: StagedFile;
  onReread: (patch: Partial<ParseOptions>) => void;
  onDownload: () => void;
  onStageSecondTable: () => void;
  actions?: FindingActions;
}) {
  const s = file.sniffed;
  const numbers = describeNumbers(file.parse);
  const marked = describeMarked(file.parse);
  const written = describeWrittenDates(file.parse.writtenDates);
  const zeros = describeLeadingZeros(file.parse.leadingZeros);
  const formulas = describeFormulaText(file.parse.formulaText);
  const apostrophes = describeApostropheText(file.parse.apostropheText);
  const lostDigits = describeLostDigits(file.csv?.lostDigits);
  const units = describeUnits(file.csv?.units);
  const emptyColumns = describeEmptyColumns(file.parse.emptyColumns);
  const readNames = describeReadNames(file.readNames);
  const dateOption = file.ambiguousDates?.timestamps ? "timestampFormat" : "dateFormat";
  // A sheet is read as CSV text, whose read options (values read as empty) apply to it; JSON has none.
  const sheet = file.parse.format === "xlsx" || file.parse.format === "html" || file.parse.format === "xml";
  const emptied = (values: string[]) => onReread({ nullValues: [...new Set([...(file.parse.nullValues ?? []), ...values])] });
  return (
    <>
      {file.parse.fixedWidth?.length ? <p className="text-xs">{describeFixedWidth(file.parse.fixedWidth)}</p> : null}
      {file.parse.markdownTable && <p className="text-xs">{MARKDOWN_TABLE}</p>}
      {file.parse.wrappedLines !== undefined && <p className="text-xs">{file.parse.wrappedLines ? WRAPPED_LINES : WRAPPED_TEXT}</p>}
      {s && !file.parse.fixedWidth?.length && !file.parse.markdownTable && (
        <p className="text-xs">
          Read with {describeReadOptions({ delimiter: s.delimiter, quote: s.quote, escape: s.escape, header: s.header, ...(s.skip ? { skip: s.skip } : {}), ...(s.dateFormat ? { dateFormat: s.dateFormat } : {}) })}
          {s.timestampFormat ? `, timestamps as ${s.timestampFormat}` : ""}.
        </p>
      )}
      {numbers && <p className="text-xs">{numbers}</p>}
      {marked && <p className="text-xs">{marked}</p>}
      {written && <p className="text-xs">{written}</p>}
      {zeros && <p className="text-xs">{zeros}</p>}
      {formulas && <p className="text-xs">{formulas}</p>}
      {apostrophes && <p className="text-xs">{apostrophes}</p>}
      {emptyColumns && <p className="text-xs">{emptyColumns}</p>}
      {readNames && <p className="text-xs">{readNames}</p>}
      {units && <p className="text-xs">{units}</p>}
      {lostDigits && <p className="rounded border border-amber-400 p-2 text-xs">{lostDigits}</p>}
      {file.gzipCut && <p className="rounded border border-amber-400 p-2 text-xs">{describeGzipCut(file.gzipCut)}</p>}
      {file.csv?.nulBytes && <p className="text-xs">{describeNulBytes(file.csv.nulBytes)}</p>}
      {file.parse.raggedRows && <p className="text-xs">{RAGGED_ROWS}</p>}
      {file.parse.nullValues?.some(isBlankValue) && (
        <p className="text-xs">Values of spaces alone were read as empty: they stood where numbers, dates or booleans are.</p>
      )}
      {file.encodingSample && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs">
          <dt>As UTF-8</dt>
          <dd className="truncate">{file.encodingSample.asUtf8}</dd>
          <dt>As {file.parse.encoding}</dt>
          <dd className="truncate">{file.encodingSample.decoded}</dd>
        </dl>
      )}
      <SetAsideLines
        file={file}
        onDownload={onDownload}
        onStageSecondTable={onStageSecondTable}
        actions={actions}
        onRejoin={(line, text) => onReread({ edits: [...file.parse.edits.filter((e) => e.line !== line), { line, text }] })}
        onEmpty={emptied}
      />
      {file.ambiguousDates && (
        <div role="alert" className="space-y-1 rounded border border-amber-400 p-2 text-xs">
          <p>
            Dates in {file.ambiguousDates.columns.join(", ")} could be day/month or month/day: no day is above 12. They were read as{" "}
            <code>{file.ambiguousDates.chosen}</code>.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" onClick={() => onReread({ [dateOption]: file.ambiguousDates!.chosen })}>
              Keep {file.ambiguousDates.chosen}
            </button>
            <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" onClick={() => onReread({ [dateOption]: file.ambiguousDates!.alternative })}>
              Read dates as {file.ambiguousDates.alternative}
            </button>
          </div>
        </div>
      )}
      {file.lenient && (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          Read leniently: the file is irregular (mixed line endings, say), so DuckDB&apos;s strict checks were relaxed. Look over the rows.
        </p>
      )}
      {file.url && <p className="text-xs break-all">Fetched from {file.url}, which the lineage of its versions names.</p>}
      {file.derivedFrom && (
        <p className="text-xs">
          Made from {file.derivedFrom.part} of {file.derivedFrom.name} (sha256 {shortHash(file.derivedFrom.sha256)}), which the lineage of its versions names.
        </p>
      )}
      {file.coverSheet !== undefined && file.parse.sheet && <p className="text-xs">{describeCoverSheet(file.coverSheet, file.parse.sheet)}</p>}
      {file.mendedCells && <p className="text-xs">{describeMendedCells(file.mendedCells)}</p>}
      {file.deletedRecords ? <p className="text-xs">{describeDeletedRecords(file.deletedRecords)}</p> : null}
      {file.companions?.filter((c) => !(c.kind === "shp" && file.geometryUnread) && !(c.kind === "catalog" && file.sasFormats?.unread)).map((c) => (
        <p key={c.kind} className="text-xs">
          {c.kind === "catalog" && keepsCodes(file.parse) ? "Its codes are read as they are, as chosen; its format catalog is" : COMPANION_READ[c.kind]} {c.name} (sha256 {shortHash(c.sha256)}), added with it, which the lineage of its versions names.
        </p>
      ))}
      {file.datasetLabel && <p className="text-xs">Its label, “{file.datasetLabel}”, is kept as its versions&apos; title.</p>}
      {file.codeLabels && <p className="text-xs">{describeCodeLabels(file.codeLabels, file.parse.valueLabels ?? "labels")}</p>}
      {file.declaredMissing && <p className="text-xs">{describeDeclaredMissing(file.declaredMissing, file.parse.userMissing === "kept")}</p>}
      {file.sasFormats &&
        describeSasFormats(file.sasFormats, file.companions?.some((c) => c.kind === "catalog") ?? false).map((line) => (
          <p key={line} className="text-xs">
            {line}
          </p>
        ))}
      {file.geometryUnread && <p className="text-xs">Its geometry is not read ({file.geometryUnread}): the attributes are staged without it.</p>}
      {file.projection && <p className="text-xs">Its coordinates are in {file.projection.name}, as {file.projection.file} says.</p>}
      {file.cpg && <p className="text-xs">Its text was first read as {file.cpg.encoding}, the encoding its code page file {file.cpg.name} names.</p>}
      {file.memoFields?.length ? <p className="text-xs">{describeMemoFields(file.memoFields, file.companions?.some((c) => c.kind === "memo") ?? false)}</p> : null}
      {file.jsonRowsAt && <p className="text-xs">{describeJsonRowsAt(file.jsonRowsAt)}</p>}
      {file.jsonRepairs && <p className="text-xs">{describeRepairs(file.jsonRepairs)}</p>}
      {file.jsonSpread?.length ? <p className="text-xs">{describeSpread(file.jsonSpread)}</p> : null}
      {file.sheetOrJsonFindings?.length ? (
        <details open className="rounded border border-amber-400 p-2 text-xs">
          <summary role="status" className="cursor-pointer font-medium">
            {describeFindingCounts(file.sheetOrJsonFindings).join(", ")} — review
          </summary>
          <div className="mt-2 space-y-2">
            <TypeFindingList findings={file.sheetOrJsonFindings} unit={UNITS[file.parse.format]} actions={actions} onEmpty={sheet ? emptied : undefined} />
          </div>
        </details>
      ) : null}
      {file.summaryRows?.length ? (
        <p className="text-xs">
          Left out below the table as {file.summaryRows.length === 1 ? "a summary row" : "summary rows"}, which would count twice in any sum (in a CSV file, set “Lines below the table” to 0 to read{" "}
          {file.summaryRows.length === 1 ? "it" : "them"} as rows):{" "}
          {file.summaryRows.map((text, i) => (
            <code key={i} className="mr-2 break-all text-slate-500">
              {text}
            </code>
          ))}
        </p>
      ) : null}
      {file.rowidRenames && <p className="text-xs text-amber-700 dark:text-amber-400">{describeRowidRenames(file.rowidRenames)}</p>}
      {file.lineBreakRenames && <p className="text-xs">{describeLineBreakRenames(file.lineBreakRenames)}</p>}
      {file.duplicateOf && <p className="text-xs text-amber-700 dark:text-amber-400">Same content as {file.duplicateOf}, staged earlier.</p>}
    </>
  );
}
