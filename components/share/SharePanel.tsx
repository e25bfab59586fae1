"use client";

import { useId, useState } from "react";
import { saveBlob } from "@/browser/download";
import { getEngine } from "@/browser/engine-client";
import { fileStem } from "@/lib/datasets/name";
import { describeError } from "@/lib/result";
import type { Recipe } from "@/lib/recipe/schema";
import { exportSource, exportSql } from "@/lib/share/export-sql";
import { referencedFiles } from "@/lib/recipe/references";
import { DEFAULT_INLINE_LIMIT, encodeShare } from "@/lib/share/link";
import { stagedBytes, type StagedFile } from "@/lib/staging/staged-file";
import { stagingDb } from "@/browser/staging-store";
import type { Notify } from "../notices";
import { controlClass, LabeledControl } from "../recipe/LabeledControl";

/** Share the recipe as a link (optionally with where the data lives, or small data inline), or export it as SQL. */
export function SharePanel({ file, recipe, notify }: { file: StagedFile; recipe: Recipe; notify: Notify }) {
  const id = useId();
  const [sourceUrl, setSourceUrl] = useState("");
  const [inline, setInline] = useState(false);
  const [link, setLink] = useState<string | null>(null);

  async function share() {
    // Links carry small data only: a file over 16 times the compressed limit is refused without reading it into the page.
    if (inline && file.size > 16 * DEFAULT_INLINE_LIMIT) {
      return notify("error", `${file.name} is too large to carry in a link (files up to ${Math.round((16 * DEFAULT_INLINE_LIMIT) / 1024)} KB, ${Math.round(DEFAULT_INLINE_LIMIT / 1024)} KB once compressed). Share a source URL instead.`);
    }
    const stored = inline ? await stagingDb().blobs.get(file.id) : undefined;
    const blob = stored ? stagedBytes(stored) : undefined;
    const encoded = encodeShare(
      {
        recipe,
        sources: sourceUrl.trim() ? [{ name: file.name, url: sourceUrl.trim() }] : [],
        inline: blob ? [{ name: file.name, text: await blob.text() }] : [],
      },
      DEFAULT_INLINE_LIMIT,
    );
    if (!encoded.ok) return notify("error", encoded.reason);
    setLink(`${location.origin}${location.pathname}${encoded.fragment}`);
  }

  async function exportScript() {
    // The script runs in the DuckDB CLI with full access to files: only a recipe DuckDB's binder has checked is written.
    const checked = await getEngine().checkRecipe(file.id, recipe);
    if (!checked.ok) return notify("error", `The recipe cannot be exported: ${describeError(checked.error)}`);
    const stem = fileStem(file.name);
    // The other staged files it reads, under the SQL names it reads them by.
    const reads = new Set([...checked.value.reads, ...referencedFiles(recipe.rules)]);
    const others = (await stagingDb().files.toArray()).filter((f) => f.id !== file.id && reads.has(f.sqlName));
    const exported = exportSql(
      recipe,
      exportSource(file),
      stem,
      others.map((f) => ({ sqlName: f.sqlName, ...exportSource(f) })),
    );
    if (!exported.ok) return notify("error", exported.reason);
    saveBlob(new Blob([exported.script], { type: "application/sql" }), `${stem}.sql`);
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        Share
      </h3>
      <div className="flex flex-wrap items-end gap-2">
        <LabeledControl label="Where the data lives (optional http/https URL)">
          {(inputId) => <input id={inputId} type="url" size={36} className={controlClass} value={sourceUrl} placeholder="https://…" onChange={(e) => setSourceUrl(e.target.value)} />}
        </LabeledControl>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={inline} onChange={(e) => setInline(e.target.checked)} />
          Put the data itself in the link (small files only)
        </label>
        <button type="button" className="rounded bg-accent px-3 py-1 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2" onClick={() => void share()}>
          Share
        </button>
        <button type="button" className="rounded border px-3 py-1 text-sm focus-visible:outline-2" onClick={() => void exportScript()}>
          Export as SQL
        </button>
      </div>
      {link && (
        <div className="flex flex-wrap items-center gap-2">
          <LabeledControl label="Share link (the part after # never reaches a server)">
            {(inputId) => <input id={inputId} readOnly size={48} className={`${controlClass} font-mono`} value={link} onFocus={(e) => e.target.select()} />}
          </LabeledControl>
          <button type="button" className="rounded border px-2 py-1 text-sm focus-visible:outline-2" onClick={() => void navigator.clipboard?.writeText(link).then(() => notify("info", "Share link copied."))}>
            Copy link
          </button>
        </div>
      )}
    </section>
  );
}
