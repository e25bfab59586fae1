import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import readXlsxFile, { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { afterEach, expect, test, vi } from "vitest";

type Cell = { value: string | number };
const write = writeXlsxFile as unknown as (sheets: { sheet: string; data: Cell[][] }[]) => { toBuffer(): Promise<Buffer> };

// read-excel-file 9.3.17 parsed a sheet's XML in chunks that halved whenever one took over 7 ms, recursing once
// per chunk; as the rows read so far were copied after every chunk, a sheet of about 150,000 rows or more made the
// chunks ever smaller, and after 45 s the recursion overflowed the stack ("Maximum call stack size exceeded").
// patches/read-excel-file+9.3.17.patch parses fixed 4 MB chunks in a loop.
test("a sheet of 200,000 rows is read whole, in seconds", async () => {
  const data: Cell[][] = [[{ value: "id" }, { value: "name" }]];
  for (let i = 1; i <= 200_000; i++) data.push([{ value: i }, { value: `n${i % 100}` }]);
  const [sheet] = await readXlsxFile(await write([{ sheet: "Rows", data }]).toBuffer());
  expect(sheet!.data).toHaveLength(200_001);
  expect(sheet!.data[1]).toEqual([1, "n1"]);
  expect(sheet!.data[200_000]).toEqual([200_000, "n0"]);
}, 40_000);

// A sheet of a million rows took 20 s to read with nothing said but "Reading the sheet". The patch also tells
// `options.onRowsRead` the rows read after each 4 MB of the sheet's XML, and the sheet's rows by its dimension.
test("a sheet's rows read so far are told after each 4 MB of its XML, with the rows its dimension names", async () => {
  const data: Cell[][] = [[{ value: "id" }, { value: "name" }]];
  for (let i = 1; i <= 150_000; i++) data.push([{ value: i }, { value: `n${i % 100}` }]);
  const parts = unzipSync(new Uint8Array(await write([{ sheet: "Rows", data }]).toBuffer()));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!).replace("<sheetData", '<dimension ref="A1:B150001"/><sheetData');
  const told: [number, number | undefined][] = [];
  const options = { trim: true, onRowsRead: (done: number, total?: number) => told.push([done, total]) };
  const rows = await readSheet(Buffer.from(zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(sheet) })), options);
  expect(rows).toHaveLength(150_001);
  expect(told.length).toBeGreaterThan(1);
  expect(told.every(([done, total], i) => total === 150_001 && done > 0 && done < 150_001 && (i === 0 || done > told[i - 1]![0]))).toBe(true);
}, 40_000);

// In the engine's worker a sheet of 1,000,000 rows took 16 s to read, against 8 s in Node: read-excel-file appended
// the rows of each chunk with `rows = rows.concat(…)`, and once any object defines `Symbol.isConcatSpreadable` (the
// worker loads apache-arrow, whose vectors do) V8 copies a concat element by element, so the rows kept so far were
// copied slowly after every chunk (8 s in a profile of the worker). The patch pushes each chunk's rows instead.
afterEach(() => vi.restoreAllMocks());

test("a sheet's rows are not copied by concat after each chunk of its XML", async () => {
  await import("apache-arrow");
  const data: Cell[][] = [[{ value: "id" }, { value: "name" }]];
  for (let i = 1; i <= 150_000; i++) data.push([{ value: i }, { value: `n${i % 100}` }]);
  const file = await write([{ sheet: "Rows", data }]).toBuffer();
  const concat = Array.prototype.concat;
  const long: number[] = [];
  vi.spyOn(Array.prototype, "concat").mockImplementation(function (this: unknown[], ...items: unknown[]) {
    if (this.length >= 1_000) long.push(this.length);
    return concat.apply(this, items);
  });
  const rows = await readSheet(file, { trim: true });
  expect(long).toEqual([]);
  expect(rows).toHaveLength(150_001);
  expect(rows.every((row, i) => i === 0 || row[0] === i)).toBe(true);
}, 40_000);
