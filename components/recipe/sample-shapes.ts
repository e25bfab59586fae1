import { getEngine } from "@/browser/engine-client";
import type { StagedFile } from "@/lib/staging/staged-file";
import { shapesOf, type ValueShape } from "@/lib/recipe/value-shape";

/** The rows a column's value shape is judged on: the file's first, as many as keep the page's main-thread work small (at most this many cells). */
const SAMPLE_ROWS = 500;
const SAMPLE_CELLS = 50_000;

/** What each column's values look like, from the file's first rows (a page from the engine). */
export async function sampleShapes(file: StagedFile): Promise<Record<string, ValueShape>> {
  const names = file.columns?.map((c) => c.name) ?? [];
  if (names.length === 0) return {};
  const limit = Math.max(20, Math.min(SAMPLE_ROWS, Math.floor(SAMPLE_CELLS / names.length)));
  const page = await getEngine().page({ kind: "staged", fileId: file.id }, { offset: 0, limit });
  return page.ok ? shapesOf(names, page.value.columns) : {};
}
