import { isDbfCompanion } from "@/lib/dbf/companions";
import { isSasCatalog } from "@/lib/sas/catalog-files";
import { innerName } from "./detect";

/**
 * Which files of a ZIP archive (a data portal's download, an export of several tables) are data files to
 * stage, each on its own: CSV, TSV, JSON, NDJSON, Parquet, Excel (.xlsx, .xls), OpenDocument, XML, SQLite, dBase
 * (a shapefile's attributes), Stata, SPSS, SAS, Arrow and HTML files, gzipped or not, by their names. Folders, macOS's `__MACOSX/` copies, hidden files and Windows'
 * thumbnail caches (`Thumbs.db`) are left out, and so are text files (`.txt`, often a README beside the data)
 * when the archive holds other data files. A dBase table's memo file (`.dbt`, `.fpt`) and a shapefile's code page
 * file (`.cpg`) come with the table of their name, which they go with once unpacked (lib/dbf/companions.ts), and only
 * then; a SAS format catalog (`.sas7bcat`) likewise with the SAS datasets beside it (lib/sas/catalog-files.ts).
 */
const DATA = /\.(csv|tsv|tab|json|geojson|ndjson|jsonl|parquet|xlsx|xls|ods|xml|sqlite|sqlite3|db|gpkg|dbf|dta|sav|zsav|por|sas7bdat|xpt|arrow|arrows|feather|html|htm)$/i;
const TEXT = /\.txt$/i;

export function dataEntries(names: readonly string[]): string[] {
  const files = names.filter((name) => !name.endsWith("/") && !name.startsWith("__MACOSX/") && !baseName(name).startsWith(".") && baseName(name).toLowerCase() !== "thumbs.db");
  const data = files.filter((name) => DATA.test(innerName(name)));
  const tables = new Set(data.filter((name) => /\.dbf$/i.test(name)).map((name) => withoutExtension(name).toLowerCase()));
  const datasets = data.some((name) => /\.sas7bdat$/i.test(name));
  const companions = files.filter((name) => (isDbfCompanion(name) && tables.has(withoutExtension(name).toLowerCase())) || (datasets && isSasCatalog(name)));
  return data.length ? [...data, ...companions] : files.filter((name) => TEXT.test(innerName(name)));
}

/** The names the entries are staged under: their own, or their path (`2024-sales.csv`) where two share one. */
export function entryFileNames(entries: readonly string[]): string[] {
  const bases = entries.map(baseName);
  return entries.map((entry, i) => (bases.filter((b) => b === bases[i]).length > 1 ? entry.replaceAll("/", "-") : bases[i]!));
}

const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1);
const withoutExtension = (path: string): string => path.replace(/\.[^./]*$/, "");
