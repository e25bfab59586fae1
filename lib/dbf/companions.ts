import { memoKind } from "./memo";

/**
 * The files that come with a dBase table under its name (`roads.dbf`): its memo file (`roads.dbt` or `.fpt`, the
 * text of its memo fields), and a shapefile's geometry (`roads.shp`), code page file (`roads.cpg`: the encoding of
 * its text, as `UTF-8` or `1251`) and projection (`roads.prj`: the coordinate system its geometry's coordinates are
 * in, as well-known text). They are not tables to stage, but parts of the table's.
 */
export interface DbfCompanions<F> {
  memo?: F;
  shp?: F;
  cpg?: F;
  prj?: F;
}

/** A file's name without its last extension, in any case: the name a table and the files that go with it share. */
export const pairingStem = (name: string): string => name.replace(/\.[^./]*$/, "").toLowerCase();
/** Whether the file is a code page file (`.cpg`). */
const isCodePageFile = (name: string): boolean => /\.cpg$/i.test(name);

/** Whether the file is a shapefile's geometry (`.shp`). */
const isShapeFile = (name: string): boolean => /\.shp$/i.test(name);

/** Whether the file is a shapefile's projection (`.prj`). */
const isProjectionFile = (name: string): boolean => /\.prj$/i.test(name);

/** The companion a file is by its name, or null when it is none. */
export const companionKind = (name: string): keyof DbfCompanions<unknown> | null =>
  memoKind(name) ? "memo" : isShapeFile(name) ? "shp" : isCodePageFile(name) ? "cpg" : isProjectionFile(name) ? "prj" : null;

/** What a companion file added without its table is, and what to do; null for any other file. */
export function companionAlone(name: string): string | null {
  const add = "Add it together with its table (the .dbf of the same name)";
  const memo = memoKind(name);
  switch (companionKind(name)) {
    case "memo":
      return `This is a dBase memo file (.${memo}): the text of a table's memo fields, not a table. ${add}, and the table stages with its memos.`;
    case "shp":
      return `This is a shapefile's geometry (.shp): it is read with the shapefile's attributes. ${add}, or the shapefile's ZIP, and the table stages with a geometry column.`;
    case "prj":
      return `This is a shapefile's projection (.prj): it names the coordinate system of its geometry. ${add}, or the shapefile's ZIP.`;
    case "cpg":
      return `This is a code page file (.cpg): it names the encoding of a dBase table's text, as a shapefile keeps it. ${add}.`;
    default:
      return null;
  }
}

/** Whether the file is one that goes with a dBase table of its name (a memo file, a shapefile's geometry, code page file or projection). */
export const isDbfCompanion = (name: string): boolean => companionKind(name) !== null;

/**
 * Files added together, each table's companions given to the dBase table of their name (in any case) in its
 * origin, and taken out of the files to stage; one with no table stays (a memo file alone is refused with what to
 * do; a shapefile's geometry, code page file or projection alone, with what it is).
 */
export function attachDbfCompanions<F extends { name: string }, O extends object>(files: readonly F[], origins: readonly (O | undefined)[]): { files: F[]; origins: ((O & DbfCompanions<F>) | undefined)[] } {
  const tables = new Map(files.flatMap((f, i) => (/\.dbf$/i.test(f.name) ? [[pairingStem(f.name), i] as const] : [])));
  const given = new Map<number, DbfCompanions<F>>();
  for (const f of files) {
    const table = tables.get(pairingStem(f.name));
    const kind = companionKind(f.name);
    if (table === undefined || kind === null || given.get(table)?.[kind]) continue;
    given.set(table, { ...given.get(table), [kind]: f });
  }
  const taken = new Set([...given.values()].flatMap((c) => [c.memo, c.shp, c.cpg, c.prj]));
  const kept = files.flatMap((f, i) => (taken.has(f) ? [] : [{ file: f, origin: given.has(i) ? ({ ...origins[i], ...given.get(i) } as O & DbfCompanions<F>) : origins[i] }]));
  return { files: kept.map((k) => k.file), origins: kept.map((k) => k.origin) };
}

/**
 * The encoding a code page file names, as a TextDecoder label (`1251` → windows-1251, `88591` → iso-8859-1, `UTF-8`),
 * or null when it names none this browser decodes.
 */
export function cpgEncoding(text: string): string | null {
  const name = text.trim().toUpperCase().replace(/^(ANSI|CP|WINDOWS)[ _-]?/, "");
  const label = /^125\d$|^874$/.test(name)
    ? `windows-${name}`
    : /^8859\d{1,2}$/.test(name) ? `iso-8859-${name.slice(4)}`
    : /^ISO[ _-]?8859[ _-]?\d{1,2}$/.test(name) ? `iso-8859-${/\d{1,2}$/.exec(name)![0]}`
    : ({ "866": "ibm866", "932": "shift_jis", "936": "gbk", "949": "euc-kr", "950": "big5", "65001": "utf-8", UTF8: "utf-8" } as Record<string, string>)[name] ?? name.toLowerCase();
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The name a projection file (well-known text) gives its coordinate system (`WGS 84`, `ETRS89 / UTM zone 33N`), or null. */
export function projectionName(text: string): string | null {
  return /^\s*(?:PROJCS|GEOGCS|GEOCCS|PROJCRS|GEOGCRS|GEODCRS|BASEGEOGCRS)\s*\[\s*"([^"]+)"/i.exec(text)?.[1] ?? null;
}
