/**
 * A GeoPackage (https://www.geopackage.org/spec/) is a SQLite database: its feature tables are read as any table,
 * its own tables (`gpkg_*`, the R-tree indexes `rtree_*`) are not data, and a geometry (a "GP" header, then
 * well-known binary) is written as well-known text, `POINT (13.08 63.4)`, which people and GIS tools read.
 */
export const isGeoPackageTable = (name: string) => /^(gpkg_|gpkgext_|rtree_)/.test(name);

/** A GeoPackage geometry blob as WKT; null when the blob is not one. */
export function geometryText(blob: Uint8Array): string | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50 || blob[2] !== 0) return null;
  const flags = blob[3]!;
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 7];
  if (envelope === undefined) return null;
  if (flags & 0x10) return "GEOMETRYCOLLECTION EMPTY";
  try {
    return new Wkb(blob.subarray(8 + envelope)).geometry();
  } catch {
    return null;
  }
}

const NAMES = ["", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"];

/** Well-known binary (ISO's Z and M codes, or PostGIS's flags) read as well-known text. */
class Wkb {
  private at = 0;
  private little = true;
  private readonly data: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private uint32(): number {
    const value = this.data.getUint32(this.at, this.little);
    this.at += 4;
    return value;
  }
  private double(): number {
    const value = this.data.getFloat64(this.at, this.little);
    this.at += 8;
    return value;
  }
  geometry(): string {
    this.little = this.bytes[this.at++] === 1;
    const code = this.uint32();
    const z = (code & 0x80000000) !== 0 || [1, 3].includes(Math.floor((code & 0xffff) / 1000));
    const m = (code & 0x40000000) !== 0 || [2, 3].includes(Math.floor((code & 0xffff) / 1000));
    const type = (code & 0xffff) % 1000;
    const name = NAMES[type];
    if (!name) throw new Error(`no geometry type ${type}`);
    const dims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
    const tag = `${name}${z || m ? ` ${z ? "Z" : ""}${m ? "M" : ""}` : ""}`;
    const body = this.body(type, dims);
    return body === null ? `${tag} EMPTY` : `${tag} ${body}`;
  }
  /** A geometry's parenthesised coordinates, or null when empty. */
  private body(type: number, dims: number): string | null {
    if (type === 1) {
      const point = Array.from({ length: dims }, () => this.double());
      return point.every(Number.isNaN) ? null : `(${point.join(" ")})`;
    }
    const count = this.uint32();
    if (count === 0) return null;
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      if (type === 2) parts.push(Array.from({ length: dims }, () => this.double()).join(" "));
      else if (type === 3) parts.push(this.body(2, dims) ?? "EMPTY");
      else if (type === 7) parts.push(this.geometry());
      else {
        // A multi-geometry's members are whole geometries of the single kind, each with its own byte order and type.
        this.little = this.bytes[this.at++] === 1;
        this.uint32();
        parts.push(this.body(type - 3, dims) ?? "EMPTY");
      }
    }
    return `(${parts.join(", ")})`;
  }
}
