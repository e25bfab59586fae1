"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { RowPage, SourceRef } from "@/lib/engine/api";
import { parseIssues, type CellIssue } from "@/lib/grid/issues";
import type { GridView } from "@/lib/grid/view";
import { getEngine } from "@/browser/engine-client";
import { describeError } from "@/lib/result";
import { useEngineEpoch } from "../useEngineEpoch";

/**
 * Rows of a source, fetched from the worker a page at a time as the grid
 * needs them. Only a bounded number of pages is kept.
 */
const PAGE_SIZE = 100;
const MAX_PAGES = 40;

export function usePagedRows(source: SourceRef, view: GridView | undefined) {
  const key = JSON.stringify([source, view]);
  const epoch = useEngineEpoch();
  const [pages, setPages] = useState<Map<number, RowPage>>(() => new Map());
  const [error, setError] = useState<string | null>(null);
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const shownPages = useRef(pages);
  shownPages.current = pages;
  // The pages of the run before, while the same rows are fetched again for a new one (see sameRowsKey).
  const earlier = useRef<{ rows: string; pages: Map<number, RowPage> } | null>(null);
  const rows = sameRowsKey(source, view, epoch);

  useEffect(() => {
    generation.current++;
    inflight.current.clear();
    const before = earlier.current;
    if (rows === null) earlier.current = null;
    else if (before?.rows !== rows) earlier.current = { rows, pages: new Map() };
    // A run that follows another before any of its pages came keeps the pages shown before both.
    else if (shownPages.current.size > 0) earlier.current = { rows, pages: shownPages.current };
    setPages(new Map());
    setError(null);
  }, [key, epoch, rows]);

  /** The page holding `row`: this source's own, or the same rows as the run before showed them until it is here. */
  const pageOf = useCallback(
    (row: number): RowPage | undefined => {
      const p = Math.floor(row / PAGE_SIZE);
      return pages.get(p) ?? (earlier.current?.rows === rows ? earlier.current.pages.get(p) : undefined);
    },
    [pages, rows],
  );

  const ensureRows = useCallback(
    (first: number, last: number) => {
      const gen = generation.current;
      const [src, v] = JSON.parse(key) as [SourceRef, GridView | undefined];
      if (!v) return;
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (pages.has(p) || inflight.current.has(p)) continue;
        inflight.current.add(p);
        void getEngine()
          .page(src, { offset: p * PAGE_SIZE, limit: PAGE_SIZE, view: v })
          .then((result) => {
            if (gen !== generation.current) return;
            inflight.current.delete(p);
            if (!result.ok) {
              setError(describeError(result.error));
              return;
            }
            setPages((old) => {
              const next = new Map(old).set(p, result.value);
              while (next.size > MAX_PAGES) next.delete(farthest(next, p));
              return next;
            });
          });
      }
    },
    [key, pages],
  );

  const cell = useCallback(
    (row: number, column: number): string | null | undefined => {
      const page = pageOf(row);
      if (!page) return undefined;
      return page.columns[column]?.[row - page.offset];
    },
    [pageOf],
  );

  /** The rules a row breaks, when the source is checked by a run (none until its page is here). */
  const issues = useCallback(
    (row: number): CellIssue[] => {
      const page = pageOf(row);
      return parseIssues(page?.issues?.[row - page.offset]);
    },
    [pageOf],
  );

  /** A row's staged row id: what the page says (a view of a staged source), else its place. */
  const rowId = useCallback(
    (row: number): number => {
      const page = pageOf(row);
      return page?.rowIds?.[row - page.offset] ?? row;
    },
    [pageOf],
  );

  return { ensureRows, cell, issues, rowId, error };
}

/**
 * What identifies the rows a staged source shows whichever run checked it: the file and the view, when the
 * view does not pick rows by the run's findings. A new run (each cell edit makes one) then shows the rows it
 * had until their pages come back with the new run's marks, instead of a blank grid that drops a click.
 * Null for other sources, whose rows are the run's own. A restarted engine (a new `epoch`) reads them anew.
 */
function sameRowsKey(source: SourceRef, view: GridView | undefined, epoch: number): string | null {
  if (source.kind !== "staged" || view?.only) return null;
  return JSON.stringify([source.fileId, view, epoch]);
}

function farthest(pages: Map<number, RowPage>, from: number): number {
  let worst = from;
  for (const p of pages.keys()) if (Math.abs(p - from) > Math.abs(worst - from)) worst = p;
  return worst;
}
