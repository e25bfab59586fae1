import { readFileSync } from "node:fs";
import { tableFromIPC } from "apache-arrow";
import { importLib } from "./scripts/import-lib.mjs";
const { arrowIpcStreams } = await importLib("lib/arrow-ipc/streams.ts");
for (const f of ["generated_lz4.arrow_file", "generated_lz4.stream", "generated_zstd.stream", "generated_zstd.arrow_file", "generated_uncompressible_lz4.arrow_file", "generated_uncompressible_lz4.stream"]) {
  try {
    const streams = [...arrowIpcStreams(new Uint8Array(readFileSync("/tmp/arrow/" + f)))];
    const rows = streams.flatMap((s) => tableFromIPC(s).toArray().map((r) => JSON.stringify(r.toJSON(), (k, v) => typeof v === "bigint" ? String(v) : v)));
    console.log(f, streams.length, "batches", rows.length, "rows", rows.slice(0, 3).join(" "));
  } catch (e) { console.log(f, "ERR", e.stack.split("\n").slice(0,3).join(" | ")); }
}
