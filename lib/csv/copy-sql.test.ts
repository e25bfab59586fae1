import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { csvCopySql } from "./copy-sql";
import { csvField } from "./write";

const VALUES = ["plain", "a,b", 'say "hi"', "line\ntwo", "cr\rhere", "=SUM(A1)", "+1 phone", "-12.5", "-x", "@home", "\tlead", " pad ", "1e5", "-.5e-3", "", null];

describe("csvCopySql", () => {
  it("writes what the JavaScript writer writes, field by field, with and without formula protection", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE t (v VARCHAR, "odd, name" INTEGER)`);
    for (const [i, v] of VALUES.entries()) await db.run(`INSERT INTO t VALUES (${v === null ? "NULL" : `'${v.replaceAll("'", "''")}'`}, ${i})`);
    const dir = await mkdtemp(join(tmpdir(), "stages-copy-"));
    for (const neutralizeFormulas of [true, false]) {
      const path = join(dir, `${neutralizeFormulas}.csv`);
      const columns = [
        { name: "v", type: "VARCHAR" },
        { name: "odd, name", type: "INTEGER" },
      ];
      await db.run(csvCopySql("t", columns, { neutralizeFormulas }, path));
      const expected = [
        `v,${csvField("odd, name", { neutralizeFormulas })}`,
        ...VALUES.map((v, i) => `${v === "" ? '""' : csvField(v, { neutralizeFormulas })},${i}`),
      ].join("\r\n");
      expect(await readFile(path, "utf8")).toBe(`${expected}\r\n`);
    }
  });

  it("guards every type's text as the JavaScript writer guards it, numbers, dates and intervals with a minus sign among them", async () => {
    const db = await freshDuckDb();
    const columns = [
      { name: "i", type: "INTEGER" },
      { name: "dec", type: "DECIMAL(5,2)" },
      { name: "d", type: "DOUBLE" },
      { name: "day", type: "DATE" },
      { name: "ts", type: "TIMESTAMP" },
      { name: "span", type: "INTERVAL" },
      { name: "yes", type: "BOOLEAN" },
      { name: "id", type: "UUID" },
      { name: "clock", type: "TIME" },
    ];
    await db.run(`CREATE TABLE t (${columns.map((c) => `${c.name} ${c.type}`).join(", ")})`);
    await db.run(`INSERT INTO t VALUES
      (-3, -1.5, '-inf', '-infinity', '-infinity', INTERVAL '-1 day', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '12:30:00'),
      (4, 2.25, -1.5e-7, '2024-02-29', '2024-02-29 23:59:59', INTERVAL '2 hours', false, NULL, '00:00:01'),
      (NULL, NULL, 'nan', NULL, NULL, NULL, NULL, NULL, NULL)`);
    const path = join(await mkdtemp(join(tmpdir(), "stages-copy-")), "typed.csv");
    await db.run(csvCopySql("t", columns, { neutralizeFormulas: true }, path));
    const texts = await db.rows(`SELECT ${columns.map((c) => `CAST(${c.name} AS VARCHAR) AS ${c.name}`).join(", ")} FROM t`);
    const expected = [columns.map((c) => c.name).join(","), ...texts.map((row) => columns.map((c) => csvField(row[c.name] as string | null, { neutralizeFormulas: true })).join(","))];
    const written = await readFile(path, "utf8");
    expect(written).toBe(`${expected.join("\r\n")}\r\n`);
    // The guard is at work: DOUBLE's, DATE's, TIMESTAMP's and INTERVAL's minus signs, not the numbers'.
    expect(written.split("\r\n")[1]).toBe("-3,-1.50,'-inf,'-infinity,'-infinity,'-1 day,true,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,12:30:00");
  });
});
