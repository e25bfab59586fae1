"use client";

import { useState } from "react";
import { describeAccount } from "@/lib/csv/accounting";
import { plural } from "@/lib/format";
import { describeFindingCounts, type LineNote } from "@/lib/csv/findings";
import type { FindingActions } from "./finding-actions";
import type { StagedFile } from "@/lib/staging/staged-file";
import { TypeFindingList } from "./TypeFindingList";

const buttonClass = "rounded border px-2 py-0.5 focus-visible:outline-2";

/**
 * What reading a messy CSV file did: lines set aside (each editable and read
 * again in place, as an NDJSON file's are), lines mended and how, values that did not fit a column's
 * type, a second table left out, and where every line of the file went.
 */
export function SetAsideLines({
  file,
  onRejoin,
  onEmpty,
  onDownload,
  onStageSecondTable,
  actions,
}: {
  file: StagedFile;
  onRejoin: (line: number, text: string) => void;
  /** Read the file again with these values as empty (words among a column's numbers). */
  onEmpty: (values: string[]) => void;
  onDownload: () => void;
  onStageSecondTable: () => void;
  /** What a finding may add to the file's recipe (absent until the recipe is loaded): what is there already is said so, not offered again. */
  actions?: FindingActions;
}) {
  const csv = file.csv;
  const setAside = file.badLines ?? 0;
  const repaired = csv?.lines.repaired ?? 0;
  if (!csv) {
    if (!setAside) return null;
    // An NDJSON file lists its first lines set aside, each editable and read again in place.
    const listed = file.setAsideLines ?? [];
    return (
      <div className="space-y-1 text-xs">
        <p role="status" className="flex flex-wrap items-center gap-2">
          {plural(setAside, "line")} set aside, each with its reason in the download.
          <button type="button" className={buttonClass} onClick={onDownload}>
            Download set-aside lines as CSV
          </button>
        </p>
        {listed.length > 0 && (
          <ul aria-label={`Lines set aside from ${file.name}`} className="space-y-1">
            {listed.map((note) => (
              <SetAsideLine key={note.line} note={note} onRejoin={onRejoin} />
            ))}
          </ul>
        )}
      </div>
    );
  }
  const findings = csv.typeFindings.length + (csv.secondTable ? 1 : 0);
  return (
    <div className="space-y-1 text-xs">
      {(setAside > 0 || repaired > 0 || findings > 0) && (
        <details open={setAside > 0 || csv.typeFindings.length > 0 || Boolean(csv.secondTable)} className="rounded border border-amber-400 p-2">
          <summary role="status" className="cursor-pointer font-medium">
            {plural(setAside, "line")} set aside, {repaired} repaired
            {describeFindingCounts(csv.typeFindings).map((counted) => `, ${counted}`)}
            {csv.secondTable ? ", a second table below the rows" : ""} — review
          </summary>
          <div className="mt-2 space-y-2">
            <TypeFindingList findings={csv.typeFindings} unit="line" actions={actions} onEmpty={onEmpty} />
            {csv.secondTable && (
              <p className="flex flex-wrap items-center gap-2">
                A second table ({plural(csv.secondTable.lines, "line")}, {plural(csv.secondTable.width, "column")}) below the rows was left out: set “Lines below the table” to 0 to read it with the rows, or stage it as a file of its own.
                <button type="button" className={buttonClass} onClick={onStageSecondTable}>
                  Stage the second table as its own file
                </button>
              </p>
            )}
            {csv.setAside.length > 0 && (
              <ul aria-label={`Lines set aside from ${file.name}`} className="space-y-1">
                {csv.setAside.map((note) => (
                  <SetAsideLine key={note.line} note={note} onRejoin={onRejoin} />
                ))}
              </ul>
            )}
            {csv.repaired.length > 0 && (
              <ul aria-label={`Lines repaired in ${file.name}`} className="space-y-0.5">
                {csv.repaired.map((note) => (
                  <li key={note.line}>
                    Line {note.line}: {note.reason} <code className="break-all text-slate-500">{note.text.slice(0, 160)}</code>
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className={buttonClass} onClick={onDownload}>
              Download set-aside lines as CSV
            </button>
          </div>
        </details>
      )}
      <p className={csv.lines.balanced ? "" : "text-danger"}>Lines: {describeAccount(csv.lines)}.</p>
    </div>
  );
}

function SetAsideLine({ note, onRejoin }: { note: LineNote; onRejoin: (line: number, text: string) => void }) {
  const [text, setText] = useState(note.text);
  const label = `Line ${note.line}`;
  return (
    <li className="flex flex-wrap items-center gap-2">
      <label className="flex flex-1 items-center gap-1">
        <span className="whitespace-nowrap">{label}</span>
        <input aria-label={label} className="min-w-0 flex-1 rounded border px-1 font-mono" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <span className="text-muted">{note.reason}</span>
      <button type="button" className={buttonClass} onClick={() => onRejoin(note.line, text)}>
        Rejoin line {note.line}
      </button>
    </li>
  );
}
