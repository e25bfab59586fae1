/**
 * Where a dataset's files live in the Origin Private File System:
 *   datasets/<name>/v<N>.parquet          the data of version N
 *   datasets/<name>/v<N>.datapackage.json its Frictionless Data Package (lib/standards/data-package.ts)
 *   datasets/<name>/v<N>.manifest.json    its manifest, written last (the commit point)
 *   datasets/<name>/.tmp-…                a promotion under way, or one that died
 */
export const DATASETS_DIR = "datasets";
export const TMP_PREFIX = ".tmp-";

export const dataFileName = (version: number) => `v${version}.parquet`;
export const manifestFileName = (version: number) => `v${version}.manifest.json`;
export const dataPackageFileName = (version: number) => `v${version}.datapackage.json`;
export const tempFileName = (version: number, token: string) => `${TMP_PREFIX}v${version}-${token}.parquet`;

/** The committed versions among a dataset folder's file names, ascending. */
export function committedVersions(fileNames: readonly string[]): number[] {
  const versions = new Set<number>();
  for (const name of fileNames) {
    const m = /^v([1-9]\d*)\.manifest\.json$/.exec(name);
    if (m) versions.add(Number(m[1]));
  }
  return [...versions].sort((a, b) => a - b);
}

/** The number the next version gets: one past every version seen, committed or not. */
export function nextVersion(fileNames: readonly string[]): number {
  let max = 0;
  for (const name of fileNames) {
    const m = /^(?:\.tmp-)?v([1-9]\d*)[.-]/.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Files that belong to no committed version: temp files, and data or a Data Package without a manifest. */
export function leftoverFiles(fileNames: readonly string[]): string[] {
  const committed = new Set(committedVersions(fileNames));
  return fileNames.filter((name) => {
    if (name.startsWith(TMP_PREFIX)) return true;
    const m = /^v([1-9]\d*)\.(?:parquet|datapackage\.json)$/.exec(name);
    return m !== null && !committed.has(Number(m[1]));
  });
}
