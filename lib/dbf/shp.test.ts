import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { shapeGeometries, ShpError } from "./shp";
import { dbfCsv, dbfTable } from "./table";

// Written byte by byte (test/fixtures/dbf/make-shapes.mjs) and read back as written by the shapefile package's reader.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/dbf/${name}`, import.meta.url)));

describe("shapefile geometry (.shp)", () => {
  test("polygons: outer rings clockwise, a hole counter-clockwise inside its polygon, two polygons as one feature, a null shape", () => {
    expect(shapeGeometries(fixture("zones.shp"))).toEqual([
      "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))",
      "POLYGON ((20 0, 20 10, 30 10, 30 0, 20 0), (22 2, 24 2, 24 4, 22 4, 22 2))",
      "MULTIPOLYGON (((40 0, 40 1, 41 1, 41 0, 40 0)), ((50 0, 50 1, 51 1, 51 0, 50 0)))",
      null,
    ]);
  });

  test("lines of one part and of two", () => {
    expect(shapeGeometries(fixture("trails.shp"))).toEqual(["LINESTRING (13.08 63.4, 13.1 63.45, 13.2 63.5)", "MULTILINESTRING ((-0.5 51.25, -0.25 51.5), (1 52, 1.5 52.5))"]);
  });

  test("points, with Z where the shape has it; points of a multipoint", () => {
    const record = (content: number[][], type: number) => {
      const body = new DataView(new ArrayBuffer(4 + 8 * content.flat().length));
      body.setInt32(0, type, true);
      content.flat().forEach((v, i) => body.setFloat64(4 + 8 * i, v, true));
      return new Uint8Array(body.buffer);
    };
    const file = (...records: Uint8Array[]) => {
      const length = 100 + records.reduce((sum, r) => sum + 8 + r.length, 0);
      const bytes = new Uint8Array(length);
      const view = new DataView(bytes.buffer);
      view.setInt32(0, 9994);
      view.setInt32(24, length / 2);
      let at = 100;
      records.forEach((r, i) => {
        view.setInt32(at, i + 1);
        view.setInt32(at + 4, r.length / 2);
        bytes.set(r, at + 8);
        at += 8 + r.length;
      });
      return bytes;
    };
    // PointZ: x, y, z, m.
    expect(shapeGeometries(file(record([[13.08, 63.4]], 1), record([[1, 2, 3, 0]], 11)))).toEqual(["POINT (13.08 63.4)", "POINT Z (1 2 3)"]);
    // MultiPoint: its box, its count, its points.
    const multi = new DataView(new ArrayBuffer(40 + 32));
    multi.setInt32(0, 8, true);
    multi.setInt32(36, 2, true);
    [1, 2, 3, 4].forEach((v, i) => multi.setFloat64(40 + 8 * i, v, true));
    expect(shapeGeometries(file(new Uint8Array(multi.buffer)))).toEqual(["MULTIPOINT ((1 2), (3 4))"]);
  });

  test("a file that is no shapefile, or is cut short, says so", () => {
    expect(() => shapeGeometries(new Uint8Array(100))).toThrow(ShpError);
    const zones = fixture("zones.shp");
    expect(() => shapeGeometries(zones.subarray(0, 150))).toThrow(/cut short in record 1/);
  });

  test("the geometries are the table's last column, one per record", () => {
    const table = fixture("trails.dbf");
    const csv = [...dbfCsv(table, dbfTable(table), new TextDecoder(), { count: 0 }, undefined, shapeGeometries(fixture("trails.shp")))].join("");
    expect(csv).toBe('NAME,geometry\r\nridge,"LINESTRING (13.08 63.4, 13.1 63.45, 13.2 63.5)"\r\nvalley,"MULTILINESTRING ((-0.5 51.25, -0.25 51.5), (1 52, 1.5 52.5))"\r\n');
  });
});
