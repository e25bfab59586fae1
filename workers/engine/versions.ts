import { rowDiffSql, schemaDiff } from "@/lib/datasets/compare";
import { committedVersions, dataFileName, dataPackageFileName, manifestFileName } from "@/lib/datasets/layout";
import type { Manifest } from "@/lib/datasets/manifest";
import type { VersionDiff } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { appendAudit } from "@/browser/staging-store";
import type { StagesDb } from "@/browser/staging-db";
import { plainRows } from "./arrow-text";
import { datasetLock, readManifest } from "./datasets";
import { withConnection } from "./duckdb";
import { runLong } from "./query";
import { datasetDir, datasetsDir, fileNames, removeEntry } from "./opfs";
import { forgetVersion } from "./version-sources";
import { dropTable, ensureTable, tableName } from "./tables";

/** Versions of one dataset: list, delete, compare. */
export async function listVersions(name: string): Promise<Result<Manifest[]>> {
  const dir = await datasetDir(name, false);
  if (!dir) return fail({ message: `There is no dataset named ${name}.` });
  const manifests: Manifest[] = [];
  for (const v of committedVersions(await fileNames(dir))) {
    const m = await readManifest(name, v);
    if (m) manifests.push(m);
  }
  return ok(manifests);
}

/** The manifest goes first, so the version stops existing at once; then its data and Data Package. */
export async function deleteVersion(db: StagesDb, name: string, version: number): Promise<Result<null>> {
  return navigator.locks.request(datasetLock(name), async () => {
    const dir = await datasetDir(name, false);
    if (!dir || !committedVersions(await fileNames(dir)).includes(version)) {
      return fail({ message: `Dataset ${name} has no version ${version}.` });
    }
    await dir.removeEntry(manifestFileName(version));
    await removeEntry(dir, dataFileName(version));
    await removeEntry(dir, dataPackageFileName(version));
    await dropTable({ kind: "dataset", name, version });
    forgetVersion(name, version);
    await appendAudit(db, { kind: "delete-version", dataset: name, version });
    if (committedVersions(await fileNames(dir)).length === 0) await removeEntry(await datasetsDir(), name);
    return ok(null);
  });
}

export async function compareVersions(db: StagesDb, name: string, before: number, after: number): Promise<Result<VersionDiff>> {
  const a = { kind: "dataset", name, version: before } as const;
  const b = { kind: "dataset", name, version: after } as const;
  const [infoA, infoB] = [await ensureTable(db, a), await ensureTable(db, b)];
  if (!infoA.ok) return infoA;
  if (!infoB.ok) return infoB;
  const shared = infoA.value.columns.filter((c) => infoB.value.columns.some((d) => d.name === c.name)).map((c) => c.name);
  const [counts] = await withConnection(async (conn) => plainRows(await runLong(conn, rowDiffSql(tableName(a), tableName(b), shared))));
  return ok({
    before,
    after,
    schema: schemaDiff(infoA.value.columns, infoB.value.columns),
    rowsBefore: infoA.value.rowCount,
    rowsAfter: infoB.value.rowCount,
    onlyBefore: Number(counts?.only_before ?? 0),
    onlyAfter: Number(counts?.only_after ?? 0),
  });
}
