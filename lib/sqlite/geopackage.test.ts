import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { sqliteDatabase } from "./database";
import { geometryText } from "./geopackage";

// Written by GDAL's ogr2ogr from parks.geojson (test/fixtures/geopackage/README.md).
const parks = () => sqliteDatabase(new Uint8Array(readFileSync(new URL("../../test/fixtures/geopackage/parks.gpkg", import.meta.url))));

describe("GeoPackages", () => {
  test("the feature table is the data, GeoPackage's own tables and spatial indexes are not", () => {
    const db = parks();
    expect(db.tables.filter((t) => !t.internal).map((t) => t.name)).toEqual(["parks"]);
    expect(db.tables.find((t) => t.name === "rtree_parks_geom_node")?.internal).toBe(true);
  });

  test("geometries as well-known text, the coordinates GDAL gives", () => {
    const db = parks();
    const rows = [...db.csv(db.tables.find((t) => t.name === "parks")!)].join("").split("\r\n");
    expect(rows).toEqual([
      "fid,geom,name,area_ha,opened",
      "1,POINT (13.08 63.4),Åre park,12.5,1990-05-01",
      '2,"LINESTRING (10 59.9, 10.1 59.95, 10.2 60)",River walk,3.25,2001-06-15',
      '3,"POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",Green square,1,',
      '4,"MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",Islands,40,2010-01-01',
      "5,,No place,,",
      "",
    ]);
  });

  test("Z coordinates, multi-points, collections, empty geometries; other blobs are not geometries", () => {
    const gp = (wkb: number[]) => new Uint8Array([0x47, 0x50, 0, 0x01, 0, 0, 0, 0, ...wkb]);
    const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];
    const f64 = (...xs: number[]) => xs.flatMap((x) => [...new Uint8Array(new Float64Array([x]).buffer)]);
    expect(geometryText(gp([1, ...le32(1001), ...f64(1, 2, 3)]))).toBe("POINT Z (1 2 3)");
    expect(geometryText(gp([1, ...le32(4), ...le32(2), 1, ...le32(1), ...f64(1, 2), 1, ...le32(1), ...f64(3, 4)]))).toBe("MULTIPOINT ((1 2), (3 4))");
    expect(geometryText(gp([1, ...le32(7), ...le32(1), 1, ...le32(1), ...f64(5, 6)]))).toBe("GEOMETRYCOLLECTION (POINT (5 6))");
    expect(geometryText(gp([1, ...le32(2), ...le32(0)]))).toBe("LINESTRING EMPTY");
    expect(geometryText(new Uint8Array([0x47, 0x50, 0, 0x11, 0, 0, 0, 0]))).toBe("GEOMETRYCOLLECTION EMPTY");
    expect(geometryText(new TextEncoder().encode("GPS track 1"))).toBeNull();
  });
});
