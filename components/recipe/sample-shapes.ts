import { getEngine } from "@/browser/engine-client";
import type { StagedFile } from "@/lib/staging/staged-file";
import { shapesOf, type ValueShape } from "@/lib/recipe/value-shape";

/** The rows a column's value shape is judged on: the file's first. */
const SAMPLE_ROWS = 500;

/** What each column's values look like, from the file's first rows (a page from the engine). */
export async function sampleShapes(file: StagedFile): Promise<Record<string, ValueShape>> {
  const names = file.columns?.map((c) => c.name) ?? [];
  if (names.length === 0) return {};
  const page = await getEngine().page({ kind: "staged", fileId: file.id }, { offset: 0, limit: SAMPLE_ROWS });
  return page.ok ? shapesOf(names, page.value.columns) : {};
}
