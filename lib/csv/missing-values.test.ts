import { beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { literal } from "@/lib/sql/quote";
import { describeMarked, isMissingMarker, markedStatement, markedType, markerAggregate, mayHoldMarkers, typeAggregates } from "./missing-values";

let db: Awaited<ReturnType<typeof freshDuckDb>>;
beforeAll(async () => {
  db = await freshDuckDb();
});

let n = 0;
/** A one-column text table of these values: the type chosen, and the values after the statement. */
async function convert(values: (string | null)[], dateFormat?: string) {
  const table = `m${n++}`;
  await db.rows(`CREATE TABLE ${table} AS SELECT v FROM (VALUES ${values.map((v) => `(${v === null ? "NULL" : literal(v)}::VARCHAR)`).join(", ")}) t(v)`);
  const [row] = await db.rows(`SELECT ${markerAggregate("v", "marked")}, ${typeAggregates("v", "c0", dateFormat).join(", ")} FROM ${table}`);
  const type = row!.marked === true ? markedType(row!, "c0") : null;
  if (!type) return { type, values: null };
  await db.rows(markedStatement(table, "v", type, dateFormat));
  const out = await db.rows(`SELECT v::VARCHAR AS v, typeof(v) AS t FROM ${table}`);
  return { type, values: out.map((r) => r.v), typeOf: out[0]!.t };
}

describe("missing-value markers", () => {
  it("tell markers from values", () => {
    expect(["NA", " NULL ", "\\N", "#N/A", "n/a", "None", "#DIV/0!", "#VALUE!", "#NV", "n.a.", " -- "].every(isMissingMarker)).toBe(true);
    expect(["na", "Namibia", "", "0", "-"].some(isMissingMarker)).toBe(false);
  });

  it("choose columns by their first values: markers and typed values, one typed", () => {
    expect(mayHoldMarkers(["1", "NA", null, "2.5"])).toBe(true);
    expect(mayHoldMarkers(["2024-01-02", "NULL"])).toBe(true);
    expect(mayHoldMarkers(["NA", "NA"])).toBe(false);
    expect(mayHoldMarkers(["NA", "Namibia", "1"])).toBe(false);
  });

  it("make a column its type, the markers empty", async () => {
    expect(await convert(["1", "NA", "3", null])).toEqual({ type: "BIGINT", values: ["1", null, "3", null], typeOf: "BIGINT" });
    expect(await convert(["1.5", "\\N", "2"])).toMatchObject({ type: "DOUBLE", values: ["1.5", null, "2.0"] });
    expect(await convert(["123456789012345678901", "NULL"])).toMatchObject({ type: "HUGEINT", values: ["123456789012345678901", null] });
    expect(await convert(["2024-01-02", "#N/A"])).toMatchObject({ type: "DATE", values: ["2024-01-02", null] });
    expect(await convert(["02/01/2024", "NA"], "%d/%m/%Y")).toMatchObject({ type: "DATE", values: ["2024-01-02", null] });
    expect(await convert(["2024-01-02 10:30:00", "NA"])).toMatchObject({ type: "TIMESTAMP", values: ["2024-01-02 10:30:00", null] });
    expect(await convert(["true", "NA", "false"])).toMatchObject({ type: "BOOLEAN", values: ["true", null, "false"] });
    // An ad platform's report: -- where a rate has no value.
    expect(await convert(["0.12", "--", "1.5"])).toMatchObject({ type: "DOUBLE", values: ["0.12", null, "1.5"] });
    // MySQL's zero date, where a date or timestamp has none: the column stayed text.
    expect(await convert(["2024-01-02", "0000-00-00"])).toMatchObject({ type: "DATE", values: ["2024-01-02", null] });
    expect(await convert(["2024-01-02 10:30:00", "0000-00-00 00:00:00"])).toMatchObject({ type: "TIMESTAMP", values: ["2024-01-02 10:30:00", null] });
  });

  it("leave text columns as they are: a word, or no marker at all", async () => {
    expect((await convert(["1", "NA", "Namibia"])).type).toBeNull();
    expect((await convert(["1", "2"])).type).toBeNull();
    expect((await convert(["1.5", "NA", "2024-01-02"])).type).toBeNull();
  });

  it("leave codes with a leading zero as text: a cast would drop the zero (02134, a ZIP code)", async () => {
    expect(await convert(["02134", "NA", "10001"])).toEqual({ type: null, values: null });
    expect((await convert(["007.5", "NULL", "1.5"])).type).toBeNull();
    expect((await convert(["-01", "NA"])).type).toBeNull();
    expect(await convert(["0", "NA", "-0", "10"])).toMatchObject({ type: "BIGINT", values: ["0", null, "0", "10"] });
    expect(await convert(["0.5", "NA", "0"])).toMatchObject({ type: "DOUBLE", values: ["0.5", null, "0.0"] });
  });

  it("are described by column", () => {
    expect(describeMarked({ missing: { day: { type: "DATE" } }, numbers: { score: { markers: true }, n: {} } })).toBe(
      "Read with missing-value markers (NA, NULL, \\N, Excel's #N/A, #DIV/0! and other errors) as empty: day, score.",
    );
    expect(describeMarked({})).toBeNull();
  });
});
