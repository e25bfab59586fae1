import { isObject } from "./json-records";

/**
 * A GeoJSON FeatureCollection (an open-data portal's download, QGIS's or ogr2ogr's export) as rows: one
 * per feature, its properties as columns, as GIS tools read it, and its geometry as GeoJSON text (no type
 * of DuckDB's core holds it, and the text is lossless); the feature's own id first when features have one.
 * Null for any other document, or when a property is named like a column this adds (the features are then
 * read as they are).
 */
export function featureRows(parsed: Record<string, unknown>): { records: Record<string, unknown>[]; id: boolean } | null {
  const features = parsed.features;
  if (parsed.type !== "FeatureCollection" || !Array.isArray(features) || features.length === 0) return null;
  if (!features.every((f) => isObject(f) && f.type === "Feature" && (f.properties === null || f.properties === undefined || isObject(f.properties)))) return null;
  const all = features as Record<string, unknown>[];
  const properties = all.map((f) => (f.properties ?? {}) as Record<string, unknown>);
  const id = all.some((f) => f.id !== undefined && f.id !== null);
  if (properties.some((p) => "geometry" in p || (id && "id" in p))) return null;
  const records = all.map((f, i) => ({
    ...(id ? { id: f.id ?? null } : {}),
    ...properties[i],
    geometry: f.geometry === null || f.geometry === undefined ? null : JSON.stringify(f.geometry),
  }));
  return { records, id };
}

/** DuckDB SQL that reads the same rows from the file (for the SQL export). */
export const featureRowsSql = (read: string, id: boolean): string =>
  `(SELECT ${id ? "f.id AS id, " : ""}unnest(f.properties), CAST(to_json(f.geometry) AS VARCHAR) AS geometry FROM (SELECT unnest(features) AS f FROM ${read}))`;
