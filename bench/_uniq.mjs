import { DuckDBInstance } from "@duckdb/node-api";
const conn = await (await DuckDBInstance.create("/tmp/u.db", { threads: "1" })).connect();

await conn.run("CREATE TABLE t AS SELECT range AS id, range % 1000 AS x FROM range(30000000)");
await conn.run("CHECKPOINT"); await conn.run("SET temp_directory = ''"); await conn.run("SET memory_limit = '3GB'");
const q = async (name, sql) => {
  const t0 = Date.now();
  try { const r = await conn.runAndReadAll(sql); console.log(name, "ok", r.getRows().length, Date.now() - t0, "ms"); } catch (e) { console.log(name, "FAIL", String(e.message).slice(0, 160)); }
};
await q("single", "SELECT id, true FROM t GROUP BY ALL HAVING count(*) > 1");
for (const n of [1, 2, 4, 8]) {
  const parts = Array.from({ length: n }, (_, i) => `SELECT id, true FROM t WHERE hash(id) % ${n} = ${i} GROUP BY ALL HAVING count(*) > 1`).join(" UNION ALL ");
  await q(`union${n}`, `WITH d AS MATERIALIZED (${parts}) SELECT count(*) FROM d`);
}
