import type { Manifest } from "@/lib/datasets/manifest";
import { fieldType } from "./table-schema";

/** A name as Data Package names go: lower case letters, digits, and . _ - / only. */
export const packageName = (name: string): string => name.toLowerCase().replace(/[^-a-z0-9._/]+/g, "-").replace(/^-+|-+$/g, "") || "data";

/**
 * A promoted version as a Frictionless (Tabular) Data Package: one resource,
 * its Parquet file (path, format, bytes, hash, row count) with the Table
 * Schema of the promoted columns, its sources with their checksums, and the
 * licence when one is given. Built from the version's manifest, which stays
 * the record of what happened; this is what other tools read.
 */
export function dataPackageOf(manifest: Manifest, licence?: { name: string; path?: string; title?: string }): Record<string, unknown> {
  const name = packageName(manifest.name);
  return {
    profile: "tabular-data-package",
    name,
    title: manifest.name,
    version: `${manifest.version}.0.0`,
    created: manifest.createdAt,
    ...(licence ? { licenses: [licence] } : {}),
    resources: [
      {
        profile: "tabular-data-resource",
        name,
        ...(manifest.title ? { title: manifest.title } : {}),
        path: manifest.data.file,
        format: "parquet",
        mediatype: "application/vnd.apache.parquet",
        bytes: manifest.data.size,
        hash: `sha256:${manifest.data.sha256}`,
        schema: { fields: manifest.schema.map((c) => ({ name: c.name, type: fieldType(c.type), ...(c.label ? { title: c.label } : {}), ...(c.unit ? { description: `Unit: ${c.unit}` } : {}), ...(c.categories ? { categories: c.categories } : {}) })) },
        stages: { rows: manifest.rows.promoted, rowsIn: manifest.rows.in, rejected: manifest.rows.rejected },
      },
    ],
    sources: manifest.sources.map((s) => ({ title: s.name, path: s.url ?? s.name, stages: { sha256: s.sha256, bytes: s.size, ...(s.derivedFrom ? { derivedFrom: s.derivedFrom } : {}), ...(s.companions ? { companions: s.companions } : {}) } })),
  };
}
