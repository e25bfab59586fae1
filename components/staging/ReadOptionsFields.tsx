"use client";

import { isBlankValue, withBlanks } from "@/lib/csv/blank-values";
import { NUMBER_EXAMPLE } from "@/lib/csv/number-format";
import { ENCODINGS, FORMATS, hasEncoding, type FileFormat } from "@/lib/staging/detect";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { controlClass, LabeledControl } from "../recipe/LabeledControl";
import { ListInput } from "./ListInput";

/** The formats whose initials say little, as the Format options name them. */
const FORMAT_NAMES: Partial<Record<FileFormat, string>> = {
  xlsx: "XLSX / XLS / ODS (a workbook)",
  sqlite: "SQLite (a database)",
  dbf: "DBF (a dBase table)",
  dta: "DTA (a Stata dataset)",
  sav: "SAV (an SPSS data file)",
  por: "POR (an SPSS portable file)",
  sas7bdat: "SAS7BDAT (a SAS dataset)",
  xpt: "XPT (a SAS transport file)",
  arrow: "Arrow IPC / Feather",
};

const optional = (text: string) => (text === "" ? undefined : text);

/** The read options a user can set for a staged file, by format: a draft until "Read again". */
/**
 * `labelledCodes`: the file's codes carry value labels (a statistical dataset's, a SAS dataset's from its catalog),
 * or were read as codes: how to read them is offered. `declaredMissing`: an SPSS file's variables declare values
 * missing: whether to keep them is offered.
 */
export function ReadOptionsFields({
  draft,
  set,
  sheets,
  hidden = [],
  labelledCodes = false,
  declaredMissing = false,
}: {
  draft: ParseOptions;
  set: (patch: Partial<ParseOptions>) => void;
  sheets: string[];
  hidden?: string[];
  labelledCodes?: boolean;
  declaredMissing?: boolean;
}) {
  const csv = draft.format === "csv";
  const text = hasEncoding(draft.format);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <LabeledControl label="Format">
        {(id) => (
          <select id={id} className={controlClass} value={draft.format} onChange={(e) => set({ format: e.target.value as ParseOptions["format"] })}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f] ?? f.toUpperCase()}
              </option>
            ))}
          </select>
        )}
      </LabeledControl>
      <label className="flex items-center gap-1 text-xs">
        <input type="checkbox" checked={draft.gzip} onChange={(e) => set({ gzip: e.target.checked })} />
        Gzip-compressed
      </label>
      {text && (
        <LabeledControl label="Encoding">
          {(id) => (
            <select id={id} className={controlClass} value={draft.encoding} onChange={(e) => set({ encoding: e.target.value })}>
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          )}
        </LabeledControl>
      )}
      {csv && <CsvFields draft={draft} set={set} />}
      {(csv || draft.format === "ndjson") && (
        <LabeledControl label="Bad lines">
          {(id) => (
            <select id={id} className={controlClass} value={draft.badLines} onChange={(e) => set({ badLines: e.target.value as ParseOptions["badLines"] })}>
              <option value="skip">Set aside the lines that do not fit (counted and kept)</option>
              <option value="stop">Stop and report them</option>
            </select>
          )}
        </LabeledControl>
      )}
      {(draft.format === "json" || draft.format === "ndjson" || draft.format === "parquet") && (
        <LabeledControl label="Nested objects">
          {(id) => (
            <select id={id} className={controlClass} value={draft.nestedObjects ?? "columns"} onChange={(e) => set({ nestedObjects: e.target.value as ParseOptions["nestedObjects"] })}>
              <option value="columns">A column per field (address.city)</option>
              <option value="keep">One column per object</option>
            </select>
          )}
        </LabeledControl>
      )}
      {draft.format === "xlsx" && (
        <>
          <ChoiceField label="Sheet" draft={draft} set={set} names={sheets} hidden={hidden} />
          <HeaderRowField draft={draft} set={set} />
        </>
      )}
      {draft.format === "xml" && (
        <>
          {sheets.length > 1 && <ChoiceField label="Sheet" draft={draft} set={set} names={sheets} />}
          <HeaderRowField draft={draft} set={set} />
        </>
      )}
      {draft.format === "sqlite" && <ChoiceField label="Table" draft={draft} set={set} names={sheets} hidden={hidden} hiddenAs="SQLite's own" />}
      {draft.format === "xpt" && sheets.length > 1 && <ChoiceField label="Dataset" draft={draft} set={set} names={sheets} />}
      {labelledCodes && (draft.format === "dta" || draft.format === "sav" || draft.format === "por" || draft.format === "sas7bdat") && (
        <LabeledControl label="Labelled codes">
          {(id) => (
            <select id={id} className={controlClass} value={draft.valueLabels ?? "labels"} onChange={(e) => set({ valueLabels: e.target.value === "codes" || e.target.value === "both" ? e.target.value : undefined })}>
              <option value="labels">As their labels (1 as North)</option>
              <option value="codes">As the codes they are (1)</option>
              <option value="both">As codes, their labels in a column beside (region_label)</option>
            </select>
          )}
        </LabeledControl>
      )}
      {declaredMissing && (draft.format === "sav" || draft.format === "por") && (
        <LabeledControl label="Declared missing values">
          {(id) => (
            <select id={id} className={controlClass} value={draft.userMissing ?? "empty"} onChange={(e) => set({ userMissing: e.target.value === "kept" ? "kept" : undefined })}>
              <option value="empty">Empty, as SPSS reads them</option>
              <option value="kept">Kept as the values they are (99)</option>
            </select>
          )}
        </LabeledControl>
      )}
      {draft.format === "html" && (
        <>
          {sheets.length > 1 && <ChoiceField label="Table" draft={draft} set={set} names={sheets} />}
          <HeaderRowField draft={draft} set={set} />
        </>
      )}
    </div>
  );
}

/** A delimited text file's dialect, header, dates, and the lines above and below its table. */
function CsvFields({ draft, set }: { draft: ParseOptions; set: (patch: Partial<ParseOptions>) => void }) {
  return (
    <>
      <LabeledControl label="Delimiter (\t for tab)">
        {(id) => <input id={id} size={4} className={controlClass} value={draft.delimiter ?? ""} placeholder="auto" onChange={(e) => set({ delimiter: optional(e.target.value) })} />}
      </LabeledControl>
      <LabeledControl label="Quote">
        {(id) => <input id={id} size={2} maxLength={1} className={controlClass} value={draft.quote ?? ""} placeholder="auto" onChange={(e) => set({ quote: optional(e.target.value) })} />}
      </LabeledControl>
      <LabeledControl label="Escape">
        {(id) => <input id={id} size={2} maxLength={1} className={controlClass} value={draft.escape ?? ""} placeholder="auto" onChange={(e) => set({ escape: optional(e.target.value) })} />}
      </LabeledControl>
      <LabeledControl label="Header row">
        {(id) => (
          <select
            id={id}
            className={controlClass}
            value={draft.header === undefined ? "auto" : draft.header ? "yes" : "no"}
            onChange={(e) => set({ header: e.target.value === "auto" ? undefined : e.target.value === "yes" })}
          >
            <option value="auto">Detect</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        )}
      </LabeledControl>
      <LabeledControl label="Date format">
        {(id) => <input id={id} size={9} className={controlClass} value={draft.dateFormat ?? ""} placeholder="auto" onChange={(e) => set({ dateFormat: optional(e.target.value) })} />}
      </LabeledControl>
      <LabeledControl label="Also empty (comma-separated)">
        {(id) => (
          <ListInput id={id} size={9} list={draft.nullValues?.filter((v) => !isBlankValue(v)) ?? []} placeholder="e.g. NA, -"
            onList={(list) => set({ nullValues: withBlanks(list, draft.nullValues) })} />
        )}
      </LabeledControl>
      <LabeledControl label="Numbers">
        {(id) => (
          <select id={id} className={controlClass} value={draft.numberFormat ?? "auto"}
            onChange={(e) => set({ numberFormat: e.target.value === "auto" ? undefined : (e.target.value as NonNullable<ParseOptions["numberFormat"]>) })}>
            <option value="auto">Detect</option>
            <option value="point">{NUMBER_EXAMPLE.point}</option>
            <option value="comma">{NUMBER_EXAMPLE.comma}</option>
            <option value="plain">Plain (1234.56)</option>
          </select>
        )}
      </LabeledControl>
      <LabeledControl label="Lines below the table">
        {(id) => (
          <input id={id} size={3} inputMode="numeric" className={controlClass} value={draft.notes ?? ""} placeholder="auto"
            onChange={(e) => set({ notes: e.target.value === "" ? undefined : Math.max(0, Number(e.target.value) || 0) })} />
        )}
      </LabeledControl>
      {draft.wrappedLines !== undefined && (
        <LabeledControl label="Lines wrapped in quotes">
          {(id) => (
            <select id={id} className={controlClass} value={draft.wrappedLines ? "inside" : "whole"} onChange={(e) => set({ wrappedLines: e.target.value === "inside" })}>
              <option value="inside">Read the text inside the quotes</option>
              <option value="whole">Read each line as one value</option>
            </select>
          )}
        </LabeledControl>
      )}
      <LabeledControl label="Fixed-width columns at characters">
        {(id) => (
          <ListInput id={id} size={9} list={draft.fixedWidth?.map((s) => String(s + 1)) ?? []} placeholder="none"
            onList={(list) => set({ fixedWidth: list.map(Number).filter((n) => Number.isInteger(n) && n >= 1).map((n) => n - 1) })} />
        )}
      </LabeledControl>
      <LabeledControl label="Skip lines at the top">
        {(id) => (
          <input id={id} size={3} inputMode="numeric" className={controlClass} value={draft.skip ?? ""} placeholder="auto"
            onChange={(e) => set({ skip: e.target.value === "" ? undefined : Math.max(0, Number(e.target.value) || 0) })} />
        )}
      </LabeledControl>
    </>
  );
}

/** The row of a sheet or an HTML table that holds the column names. */
function HeaderRowField({ draft, set }: { draft: ParseOptions; set: (patch: Partial<ParseOptions>) => void }) {
  return (
    <LabeledControl label="Row with the column names">
      {(id) => (
        <input id={id} size={3} inputMode="numeric" className={controlClass} value={draft.headerRow}
          onChange={(e) => set({ headerRow: Math.max(1, Number(e.target.value) || 1) })} />
      )}
    </LabeledControl>
  );
}

/** A workbook's sheet or a page's table, by name (the options' `sheet`); another one's names are looked for from its first row. */
/** A choice of sheet or table; a sheet Excel hides says so. */
function ChoiceField({ label, draft, set, names, hidden = [], hiddenAs = "hidden" }: { label: string; draft: ParseOptions; set: (patch: Partial<ParseOptions>) => void; names: string[]; hidden?: string[]; hiddenAs?: string }) {
  return (
    <LabeledControl label={label}>
      {(id) => (
        <select id={id} className={controlClass} value={draft.sheet ?? names[0] ?? ""} onChange={(e) => set({ sheet: e.target.value, headerRow: 1 })}>
          {names.map((name) => (
            <option key={name} value={name}>
              {hidden.includes(name) ? `${name} (${hiddenAs})` : name}
            </option>
          ))}
        </select>
      )}
    </LabeledControl>
  );
}
