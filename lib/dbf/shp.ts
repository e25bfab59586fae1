import { FormatError } from "@/lib/format-error";

/**
 * A shapefile's geometry (.shp, ESRI Shapefile Technical Description, 1998): a 100-byte header, then a record per
 * row of its attributes' table (.dbf), in the same order, each a shape: a point, points, lines of parts, or
 * polygons of rings (outer rings clockwise, holes counter-clockwise). Each is written as well-known text, as a
 * GeoPackage's geometries are (`POINT (13.08 63.4)`), with Z where the shape has it (its M values are left out).
 */
export class ShpError extends FormatError {}

const POINT = new Set([1, 11, 21]);
const MULTIPOINT = new Set([8, 18, 28]);
const POLYLINE = new Set([3, 13, 23]);
const POLYGON = new Set([5, 15, 25]);
const WITH_Z = new Set([11, 13, 15, 18]);

type Point = number[];

/** Each record's geometry as well-known text, in the records' order; null for a null shape. */
export function shapeGeometries(bytes: Uint8Array): (string | null)[] {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || data.getInt32(0) !== 9994) throw new ShpError("its geometry file (.shp) does not start as a shapefile's does");
  const end = Math.min(bytes.length, data.getInt32(24) * 2);
  const shapes: (string | null)[] = [];
  for (let at = 100; at + 12 <= end; ) {
    const length = data.getInt32(at + 4) * 2;
    if (at + 8 + length > bytes.length) throw new ShpError(`its geometry file (.shp) is cut short in record ${shapes.length + 1}`);
    shapes.push(shapeText(data, at + 8, length));
    at += 8 + length;
  }
  return shapes;
}

function shapeText(data: DataView, at: number, length: number): string | null {
  const type = data.getInt32(at, true);
  if (type === 0) return null;
  const z = WITH_Z.has(type) ? " Z" : "";
  const xy = (i: number): Point => [data.getFloat64(i, true), data.getFloat64(i + 8, true)];
  if (POINT.has(type)) return `POINT${z} (${[...xy(at + 4), ...(z ? [data.getFloat64(at + 20, true)] : [])].join(" ")})`;
  const multi = MULTIPOINT.has(type);
  if (!multi && !POLYLINE.has(type) && !POLYGON.has(type)) throw new ShpError(`its geometry file (.shp) holds shapes of type ${type} (a MultiPatch), which are not read`);
  const parts = multi ? 1 : data.getInt32(at + 36, true);
  const count = data.getInt32(at + (multi ? 36 : 40), true);
  const pointsAt = at + (multi ? 40 : 44 + 4 * parts);
  // Z values follow the points: a range (16 bytes), then one per point.
  const zAt = pointsAt + 16 * count + 16;
  if (pointsAt + 16 * count + (z ? 16 + 8 * count : 0) > at + length) throw new ShpError("its geometry file (.shp) has a record shorter than its points");
  const points = Array.from({ length: count }, (_, i) => [...xy(pointsAt + 16 * i), ...(z ? [data.getFloat64(zAt + 8 * i, true)] : [])]);
  if (count === 0) return `${multi ? "MULTIPOINT" : POLYGON.has(type) ? "POLYGON" : "LINESTRING"}${z} EMPTY`;
  if (multi) return `MULTIPOINT${z} (${points.map((p) => `(${p.join(" ")})`).join(", ")})`;
  const starts = Array.from({ length: parts }, (_, i) => data.getInt32(at + 44 + 4 * i, true));
  const rings = starts.map((start, i) => points.slice(start, starts[i + 1] ?? count));
  const line = (ring: Point[]) => `(${ring.map((p) => p.join(" ")).join(", ")})`;
  if (POLYLINE.has(type)) return rings.length === 1 ? `LINESTRING${z} ${line(rings[0]!)}` : `MULTILINESTRING${z} (${rings.map(line).join(", ")})`;
  const polygons = polygonsOf(rings);
  const polygon = (p: Point[][]) => `(${p.map(line).join(", ")})`;
  return polygons.length === 1 ? `POLYGON${z} ${polygon(polygons[0]!)}` : `MULTIPOLYGON${z} (${polygons.map(polygon).join(", ")})`;
}

/** Rings as polygons: each clockwise ring starts one; a counter-clockwise ring is a hole of the one whose outer ring holds it. */
function polygonsOf(rings: Point[][]): Point[][][] {
  const polygons: Point[][][] = [];
  const holes: Point[][] = [];
  for (const ring of rings) (clockwise(ring) ? polygons.push([ring]) : holes.push(ring));
  // Every ring counter-clockwise (a writer that ignores the rule): each is a polygon of its own.
  if (polygons.length === 0) return holes.map((ring) => [ring]);
  for (const hole of holes) (polygons.find((p) => inside(hole[0]!, p[0]!)) ?? polygons.at(-1)!).push(hole);
  return polygons;
}

/** Whether a ring runs clockwise (x to the right, y up): its signed area by the shoelace formula is negative. */
function clockwise(ring: Point[]): boolean {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += (ring[i]![0]! - ring[i - 1]![0]!) * (ring[i]![1]! + ring[i - 1]![1]!);
  return sum > 0;
}

/** Whether a point lies inside a ring (a ray cast to the right crosses it an odd number of times). */
function inside([x, y]: Point, ring: Point[]): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) odd = !odd;
  }
  return odd;
}
