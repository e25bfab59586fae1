/** Extensions for the data formats a server may name only by their content type. */
const BY_TYPE: Record<string, string> = {
  "text/csv": "csv",
  "text/tab-separated-values": "tsv",
  "application/json": "json",
  "application/geo+json": "geojson",
  "application/x-ndjson": "ndjson",
  "application/vnd.apache.parquet": "parquet",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/xml": "xml",
  "text/xml": "xml",
  "application/vnd.sqlite3": "sqlite",
  "application/x-sqlite3": "sqlite",
  "application/dbf": "dbf",
  "application/x-dbf": "dbf",
  "application/x-stata-dta": "dta",
  "application/x-spss-sav": "sav",
  "application/x-spss-por": "por",
  "application/x-sas-data": "sas7bdat",
  "application/geopackage+sqlite3": "gpkg",
  "application/x-sas-xport": "xpt",
  "application/vnd.apache.arrow.file": "arrow",
  "application/vnd.apache.arrow.stream": "arrows",
  "application/zip": "zip",
  "text/html": "html",
};

/**
 * The address of a data file to fetch, from text the user gave (typed, or pasted on the page): one http(s) address and
 * nothing else, or null.
 */
export function fileLink(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}

/**
 * The name a fetched file is staged under: the one the server gives (Content-Disposition), else the address's last
 * part, given the extension of the content type the server says where it has none (`…/rows?accessType=DOWNLOAD`
 * answered as text/csv: `rows.csv`), else the host's name.
 */
export function fetchedFileName(url: string, disposition: string | null, contentType: string | null): string {
  const given = dispositionName(disposition);
  if (given) return given;
  const { pathname, host } = new URL(url);
  const last = decodeURIComponent(pathname.split("/").filter(Boolean).at(-1) ?? "").replace(/[\\/:*?"<>|]/g, "_");
  const stem = last || host;
  if (last && /\.[a-z0-9]{2,8}$/i.test(last)) return last;
  const ext = BY_TYPE[(contentType ?? "").split(";")[0]!.trim().toLowerCase()];
  return ext ? `${stem}.${ext}` : stem;
}

/** `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv` or `filename="rows.csv"`: the file name, or null. */
function dispositionName(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:[\w-]+)?'[^']*'([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return clean(decodeURIComponent(encoded.trim().replace(/^"|"$/g, "")));
    } catch {
      // Not percent-encoded as it says: the plain name below, if any.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  return plain ? clean((plain[2] ?? plain[1]!).trim()) : null;
}

const clean = (name: string): string | null => name.split(/[\\/]/).at(-1)!.trim() || null;
