import { describe, expect, it } from "vitest";
import { featureRows } from "./geojson";
import { describeJsonRowsAt, jsonRows } from "./json-rows";

const point = { type: "Point", coordinates: [1.5, 2.5] };
const polygon = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

describe("GeoJSON features", () => {
  it("are rows of their properties, with the geometry as GeoJSON text and the feature's id first", () => {
    const collection = {
      type: "FeatureCollection",
      name: "parks",
      features: [
        { type: "Feature", id: 7, properties: { name: "A", pop: 100 }, geometry: point },
        { type: "Feature", properties: { name: "B", extra: true }, geometry: polygon },
        { type: "Feature", properties: null, geometry: null },
      ],
    };
    const rows = jsonRows(collection);
    expect(rows).toEqual({
      records: [
        { id: 7, name: "A", pop: 100, geometry: '{"type":"Point","coordinates":[1.5,2.5]}' },
        { id: null, name: "B", extra: true, geometry: '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}' },
        { id: null, geometry: null },
      ],
      at: { path: ["features"], left: ["type", "name"], features: { id: true } },
    });
    expect("at" in rows && rows.at && describeJsonRowsAt(rows.at)).toBe(
      "Rows are the GeoJSON features: each feature's id, their properties as columns, and their geometry as GeoJSON text; “type”, “name” are not read.",
    );
  });

  it("leave out the id when no feature has one", () => {
    expect(featureRows({ type: "FeatureCollection", features: [{ type: "Feature", properties: { id: 1 }, geometry: point }] })).toEqual({
      records: [{ id: 1, geometry: '{"type":"Point","coordinates":[1.5,2.5]}' }],
      id: false,
    });
  });

  it("are read as they are when a property is named like a column they add, or it is no FeatureCollection", () => {
    expect(featureRows({ type: "FeatureCollection", features: [{ type: "Feature", properties: { geometry: "x" }, geometry: point }] })).toBeNull();
    expect(featureRows({ type: "FeatureCollection", features: [{ type: "Feature", id: 1, properties: { id: 2 }, geometry: point }] })).toBeNull();
    expect(featureRows({ type: "Topology", features: [{ type: "Feature", properties: {}, geometry: point }] })).toBeNull();
    expect(featureRows({ type: "FeatureCollection", features: [] })).toBeNull();
    expect(jsonRows({ type: "FeatureCollection", features: [{ type: "Feature", properties: { geometry: "x" }, geometry: point }] })).toMatchObject({ at: { path: ["features"], left: ["type"] } });
  });
});
