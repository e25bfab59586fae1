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
});
