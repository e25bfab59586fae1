import { describe, expect, it } from "vitest";
import { describeJsonRowsAt, jsonRows, sequenceRows } from "./json-rows";

describe("jsonRows", () => {
  it("reads an array of objects as the rows, and refuses an array of anything else", () => {
    expect(jsonRows([{ id: 1 }, { id: 2 }])).toEqual({ records: [{ id: 1 }, { id: 2 }] });
    expect(jsonRows([[1, "a"]])).toEqual({ message: "Every record must be a JSON object (one row each)." });
    expect(jsonRows([{ id: 1 }, 2])).toEqual({ message: "Every record must be a JSON object (one row each)." });
    expect(jsonRows(7)).toEqual({ message: "Every record must be a JSON object (one row each)." });
  });

  it("reads an API's one list of objects under a key, up to two keys deep, and says what is not read", () => {
    const api = jsonRows({ data: [{ id: 1 }, { id: 2 }], meta: { count: 2 } });
    expect(api).toEqual({ records: [{ id: 1 }, { id: 2 }], at: { path: ["data"], left: ["meta"] } });
    expect(describeJsonRowsAt({ path: ["data"], left: ["meta"] })).toBe("Rows are the list of objects under “data”, the file's only one; “meta” is not read.");
    const nested = jsonRows({ response: { items: [{ id: 1 }] } });
    expect(nested).toEqual({ records: [{ id: 1 }], at: { path: ["response", "items"], left: [] } });
    expect(describeJsonRowsAt({ path: ["response", "items"], left: [] })).toBe("Rows are the list of objects under “response.items”, the file's only one.");
  });

  it("reads an object of lists of values, all of one length, row by row (pandas' to_dict(orient=\"list\"))", () => {
    const rows = jsonRows({ id: [1, 2, 3], name: ["a", null, "c"], ok: [true, false, true] });
    expect(rows).toEqual({
      records: [
        { id: 1, name: "a", ok: true },
        { id: 2, name: null, ok: false },
        { id: 3, name: "c", ok: true },
      ],
      at: { path: [], left: [], frame: "lists" },
    });
    expect("at" in rows && rows.at && describeJsonRowsAt(rows.at)).toBe("Rows are read across the file's lists, one value of each per row (columns of values, as pandas' to_dict(orient=\"list\") writes them).");
    // A record's lists of other lengths, of objects, or one list alone: one row.
    expect(jsonRows({ tags: ["a", "b"], scores: [1, 2, 3] })).toEqual({ records: [{ tags: ["a", "b"], scores: [1, 2, 3] }] });
    expect(jsonRows({ tags: ["a"], ids: [1] })).toEqual({ records: [{ tags: ["a"], ids: [1] }] });
    expect(jsonRows({ points: [[1, 2], [3, 4]], labels: ["p", "q"] })).toEqual({ records: [{ points: [[1, 2], [3, 4]], labels: ["p", "q"] }] });
  });

  it("reads a GraphQL response's one list however deep, and a connection's edges as their nodes", () => {
    const issues = [{ number: 1, author: { login: "ada" } }, { number: 2, author: null }];
    const nodes = jsonRows({ data: { repository: { issues: { totalCount: 2, nodes: issues } } }, extensions: { cost: 3 } });
    expect(nodes).toEqual({ records: issues, at: { path: ["data", "repository", "issues", "nodes"], left: ["extensions"] } });
    expect("at" in nodes && nodes.at && describeJsonRowsAt(nodes.at)).toBe("Rows are the list of objects under “data.repository.issues.nodes”, the file's only one; “extensions” is not read.");
    const edges = jsonRows({ data: { viewer: { repositories: { edges: [{ cursor: "a", node: { name: "x" } }, { cursor: "b", node: { name: "y" } }], pageInfo: { hasNextPage: false } } } } });
    expect(edges).toEqual({ records: [{ name: "x" }, { name: "y" }], at: { path: ["data", "viewer", "repositories", "edges"], left: [], edges: true } });
    expect("at" in edges && edges.at && describeJsonRowsAt(edges.at)).toBe("Rows are the nodes of the edges under “data.viewer.repositories.edges”, the response's only list.");
    // A response's errors beside data do not stand in for its rows.
    const withErrors = jsonRows({ data: { a: { b: { c: [{ id: 1 }] } } }, errors: [{ message: "partial" }] });
    expect(withErrors).toEqual({ records: [{ id: 1 }], at: { path: ["data", "a", "b", "c"], left: ["errors"] } });
    // Two lists, or a document with other keys beside data, are not read as a response's rows.
    const two = { data: { a: { b: { c: [{ id: 1 }] } }, d: { e: { f: [{ id: 2 }] } } } };
    expect(jsonRows(two)).toEqual({ records: [two] });
    const other = { data: { a: { b: { c: [{ id: 1 }] } } }, version: 2 };
    expect(jsonRows(other)).toEqual({ records: [other] });
  });

  it("reads an object as one row when it holds no list of objects, or more than one", () => {
    expect(jsonRows({ id: 1, tags: ["a", "b"], empty: [] })).toEqual({ records: [{ id: 1, tags: ["a", "b"], empty: [] }] });
    const two = { users: [{ id: 1 }], groups: [{ id: 2 }] };
    expect(jsonRows(two)).toEqual({ records: [two] });
    const deep = { a: { b: { c: [{ id: 1 }] } } };
    expect(jsonRows(deep)).toEqual({ records: [deep] });
  });

  it("reads arrays of values named by the first array (a spreadsheet API's values) or by pandas' split form", () => {
    expect(jsonRows([["id", "name", "id"], [1, "a", 10], [2, "b", 20, "extra"], [3]])).toEqual({
      records: [{ id: 1, name: "a", id_1: 10 }, { id: 2, name: "b", id_1: 20, column3: "extra" }, { id: 3 }],
      at: { path: [], left: [], arrays: true },
    });
    expect(describeJsonRowsAt({ path: [], left: [], arrays: true })).toBe("Rows are the file's arrays of values, named by its first array.");
    const split = jsonRows({ columns: ["id", "name"], index: [0, 1], data: [[1, "a"], [2, "b"]] });
    expect(split).toEqual({ records: [{ id: 1, name: "a" }, { id: 2, name: "b" }], at: { path: ["data"], left: ["index"], arrays: true } });
    expect(describeJsonRowsAt({ path: ["data"], left: ["index"], arrays: true })).toBe("Rows are the arrays of values under “data”, named by “columns”; “index” is not read.");
  });

  it("reads a pandas frame keyed by row labels: to_json()'s object of columns, and orient=\"index\"", () => {
    expect(jsonRows({ id: { "0": 1, "1": 2 }, name: { "0": "a", "1": null } })).toEqual({
      records: [{ id: 1, name: "a" }, { id: 2, name: null }],
      at: { path: [], left: [], frame: "columns" },
    });
    expect(jsonRows({ "0": { id: 1, name: "a" }, "1": { id: 2, name: "b" } })).toEqual({
      records: [{ id: 1, name: "a" }, { id: 2, name: "b" }],
      at: { path: [], left: [], frame: "index" },
    });
    // Labels that are more than row numbers (years) are kept, as a first column.
    expect(jsonRows({ "2023": { sales: 5 }, "2024": { sales: 7 } })).toMatchObject({ records: [{ index: 2023, sales: 5 }, { index: 2024, sales: 7 }] });
    expect(describeJsonRowsAt({ path: [], left: [], frame: "columns" })).toBe("Rows are read across the file's columns, each an object keyed by row (pandas' to_json()).");
    // A record with nested parts, or columns keyed by different rows, is one row as before.
    const nested = { billing: { city: "a" }, shipping: { city: "b" } };
    expect(jsonRows(nested)).toEqual({ records: [nested] });
    const uneven = { id: { "0": 1, "1": 2 }, name: { "0": "a" } };
    expect(jsonRows(uneven)).toEqual({ records: [uneven] });
  });

  // An object of records keyed by their ids was read as one row, a column per record and field (u1.name, u2.name…).
  it("reads records keyed by their ids as rows, each with its key; not two alike parts of a record, nor columns keyed by row", () => {
    const users = { u1: { name: "Ada", age: 36 }, u2: { name: "Bo", age: 41, key: "k" }, u3: { name: "Cy", age: null } };
    expect(jsonRows(users)).toEqual({
      records: [{ _key: "u1", name: "Ada", age: 36 }, { _key: "u2", name: "Bo", age: 41, key: "k" }, { _key: "u3", name: "Cy", age: null }],
      at: { path: [], left: [], frame: "keyed" },
    });
    expect(jsonRows({ q_one: { revenue: 5, cost: "x" }, q_two: { revenue: 7, cost: "y" }, q_three: { revenue: 9, cost: "z" } })).toMatchObject({ records: [{ key: "q_one" }, { key: "q_two" }, { key: "q_three" }] });
    const firebase = { version: 2, users: { "-NXa1": { name: "Ada" }, "-NXa2": { name: "Bo" } } };
    expect(jsonRows(firebase)).toEqual({ records: [{ key: "-NXa1", name: "Ada" }, { key: "-NXa2", name: "Bo" }], at: { path: ["users"], left: ["version"], frame: "keyed" } });
    expect(describeJsonRowsAt({ path: ["users"], left: ["version"], frame: "keyed" })).toBe("Rows are the objects under “users”, each under its key (in the column “key”); “version” is not read.");
    expect(describeJsonRowsAt({ path: [], left: [], frame: "keyed" })).toBe("Rows are the file's objects, each under its key (in the column “key”).");
    // Parts with few fields in common, and columns of one kind of value each keyed by more rows than there are columns.
    const parts = { p1: { host: "a", port: 1 }, p2: { level: "debug", file: "x" } };
    expect(jsonRows(parts)).toEqual({ records: [parts] });
    const columns = { price: { apple: 1, pear: 2, fig: 3 }, name: { apple: "A", pear: "P", fig: "F" } };
    expect(jsonRows(columns)).toEqual({ records: [columns] });
  });

  it("keeps a pandas frame's rows in the file's order, which parsing puts ascending (a frame sorted by a column)", () => {
    const columns = '{"id": {"2": 30, "0": 10, "1": 20}, "name": {"2": "c", "0": "a", "1": "b"}}';
    expect(jsonRows(JSON.parse(columns), columns)).toMatchObject({
      records: [{ index: 2, id: 30, name: "c" }, { index: 0, id: 10, name: "a" }, { index: 1, id: 20, name: "b" }],
    });
    const index = '{"1": {"id": 20}, "0": {"id": 10}}';
    expect(jsonRows(JSON.parse(index), index)).toMatchObject({ records: [{ index: 1, id: 20 }, { index: 0, id: 10 }] });
  });
});

describe("sequenceRows", () => {
  it("reads arrays of objects one after another (exports appended to one file) as their objects, and says how many arrays", () => {
    const rows = sequenceRows([[{ id: 1 }, { id: 2 }], [], [{ id: 3 }]]);
    expect(rows).toEqual({ records: [{ id: 1 }, { id: 2 }, { id: 3 }], at: { path: [], left: [], sequence: true, pages: 3 } });
    expect(describeJsonRowsAt((rows as { at: Parameters<typeof describeJsonRowsAt>[0] }).at)).toBe("Rows are the objects of the file's 3 arrays, one after another (exports or pages appended to one file).");
  });

  it("reads objects one after another as the rows, and refuses arrays of anything else", () => {
    expect(sequenceRows([{ id: 1 }, { id: 2 }])).toEqual({ records: [{ id: 1 }, { id: 2 }], at: { path: [], left: [], sequence: true } });
    expect(sequenceRows([[1, 2], [3]])).toEqual({ message: "Every record must be a JSON object (one row each)." });
  });
});
