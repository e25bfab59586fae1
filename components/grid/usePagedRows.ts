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

  useEffect(() => {
    generation.current++;
    inflight.current.clear();
    setPages(new Map());
    setError(null);
  }, [key, epoch]);

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
      const page = pages.get(Math.floor(row / PAGE_SIZE));
      if (!page) return undefined;
      return page.columns[column]?.[row - page.offset];
    },
    [pages],
  );

  /** The rules a row breaks, when the source is checked by a run (none until its page is here). */
  const issues = useCallback(
    (row: number): CellIssue[] => {
      const page = pages.get(Math.floor(row / PAGE_SIZE));
      return parseIssues(page?.issues?.[row - page.offset]);
    },
    [pages],
  );

  /** A row's staged row id: what the page says (a view of a staged source), else its place. */
  const rowId = useCallback(
    (row: number): number => {
      const page = pages.get(Math.floor(row / PAGE_SIZE));
      return page?.rowIds?.[row - page.offset] ?? row;
    },
    [pages],
  );

  return { ensureRows, cell, issues, rowId, error };
}

function farthest(pages: Map<number, RowPage>, from: number): number {
  let worst = from;
  for (const p of pages.keys()) if (Math.abs(p - from) > Math.abs(worst - from)) worst = p;
  return worst;
}
