import { describe, expect, it } from "vitest";
import type { TypedCell } from "./table";
import { splitHead, typedHead } from "./head";

/** Rows as a reader gives them: the same array, and the same bytes of a text, filled again for each row. */
function* reused(count: number): Generator<TypedCell[]> {
  const row: TypedCell[] = [0, null];
  const text = new Uint8Array(1);
  for (let i = 0; i < count; i++) {
    text[0] = 0x61 + i;
    row[0] = i;
    row[1] = text;
    yield row;
  }
}

/** Each row's values as text, read as the row is given (before the next one is asked for). */
function texts(rows: Iterable<TypedCell[]>): string[] {
  const seen: string[] = [];
  for (const r of rows) seen.push(`${r[0]}:${new TextDecoder().decode(r[1] as Uint8Array)}`);
  return seen;
}

describe("a typed file's first rows", () => {
  it("are taken before the rest, copied from rows a reader fills again, and given again with the rest", () => {
    const { head, rows } = splitHead(reused(5), 2);
    // The head's copies keep their values once the reader has moved on.
    expect(texts(head)).toEqual(["0:a", "1:b"]);
    expect(texts(rows)).toEqual(["0:a", "1:b", "2:c", "3:d", "4:e"]);
  });

  it("of a file with fewer rows are all of them, given once", () => {
    const { head, rows } = splitHead(reused(1), 20);
    expect(head).toHaveLength(1);
    expect([...rows]).toHaveLength(1);
  });

  it("are shown as DuckDB shows them: dates, timestamps, text, numbers, missing values", () => {
    const day = Date.UTC(2017, 10, 24);
    const preview = typedHead(
      [
        { name: "d", type: "date" },
        { name: "t", type: "timestamp" },
        { name: "s", type: "text" },
        { name: "n", type: "number" },
      ],
      [[day, day + 51_633_000, new TextEncoder().encode("Zoë"), 1000.5], [null, null, "x", null]],
    );
    expect(preview).toEqual({ columns: ["d", "t", "s", "n"], columnValues: [["2017-11-24", null], ["2017-11-24 14:20:33", null], ["Zoë", "x"], ["1000.5", null]] });
  });
});
