import { Field, makeData, RecordBatch, Schema, Struct, Table, tableToIPC } from "apache-arrow";
import { columnBuilder } from "./columns";
import type { TypedTable } from "./table";

/**
 * A typed table's rows as Arrow IPC streams of up to `batchRows` rows each, for DuckDB-WASM's Arrow insert: numbers as
 * DOUBLE, dates as DATE, timestamps as TIMESTAMP (microseconds), text, times and labelled codes as text (which the
 * engine types once it has seen them all). Writing them as CSV text for DuckDB's CSV reader took twice as long.
 */
export function* typedTableStreams(typed: TypedTable, batchRows = 122_880): Generator<Uint8Array<ArrayBuffer>> {
  const builders = typed.columns.map((c) => columnBuilder(c.type, batchRows));
  const schema = new Schema(typed.columns.map((c, i) => new Field(c.name, builders[i]!.type, true)));
  const streamOf = (length: number) => {
    const data = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children: builders.map((b) => b.data(length)) });
    return tableToIPC(new Table(schema, [new RecordBatch(schema, data)]), "stream") as Uint8Array<ArrayBuffer>;
  };
  let length = 0;
  for (const row of typed.rows) {
    for (let c = 0; c < builders.length; c++) builders[c]!.add(length, row[c] ?? null);
    if (++length === batchRows) {
      yield streamOf(length);
      length = 0;
    }
  }
  if (length > 0) yield streamOf(length);
}
