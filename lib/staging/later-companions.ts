import { companionKind, pairingStem } from "@/lib/dbf/companions";
import { isSasCatalog } from "@/lib/sas/catalog-files";
import type { CompanionKind, StagedFile } from "./staged-file";

/**
 * A file that goes with a table, added after the table was staged (the catalog forgotten the first time): it goes
 * to the staged tables it belongs to, which are read again with it, rather than be refused as a file alone. A SAS
 * format catalog goes to every staged SAS dataset without one; a dBase table's memo file, a shapefile's geometry,
 * code page or projection file to the staged table of its name (the first two where it has none).
 */
export interface LaterCompanion<F> {
  file: F;
  fileId: string;
  kind: LaterCompanionKind;
}

/** A file kept beside a table, or a shapefile's code page or projection file, which only say something of it. */
export type LaterCompanionKind = CompanionKind | "cpg" | "prj";

type Staged = Pick<StagedFile, "id" | "name" | "parse" | "companions">;

const lacks = (staged: Staged, kind: CompanionKind) => !staged.companions?.some((c) => c.kind === kind);

/** The files to give to staged tables, and the files left to stage. */
export function laterCompanions<F extends { name: string }>(files: readonly F[], staged: readonly Staged[]): { given: LaterCompanion<F>[]; rest: F[] } {
  const given: LaterCompanion<F>[] = [];
  const rest: F[] = [];
  for (const file of files) {
    const targets = isSasCatalog(file.name)
      ? staged.filter((s) => s.parse.format === "sas7bdat" && lacks(s, "catalog")).map((s) => ({ s, kind: "catalog" as const }))
      : dbfTargets(file.name, staged);
    if (targets.length) given.push(...targets.map(({ s, kind }) => ({ file, fileId: s.id, kind })));
    else rest.push(file);
  }
  return { given, rest };
}

function dbfTargets(name: string, staged: readonly Staged[]): { s: Staged; kind: LaterCompanionKind }[] {
  const kind = companionKind(name);
  if (kind === null) return [];
  return staged.filter((s) => s.parse.format === "dbf" && pairingStem(s.name) === pairingStem(name) && (kind === "cpg" || kind === "prj" || lacks(s, kind))).map((s) => ({ s, kind }));
}
