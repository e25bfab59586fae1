// Writes CSVs of realistic shapes, deterministic, of about `targetBytes`:
// - orders: ids, floats, short strings, dates, timestamps, booleans, and a few
//   quoted fields with commas and newlines (the benchmark's first file);
// - events: an integer id, short text, a decimal, a timestamp, a boolean, a
//   two-letter code, a quoted text with a comma in it;
// - wide: 200 columns of mixed types (integers, decimals, text, dates, booleans);
// - text: an id, a title and a long text field (1–4 KB, quoted, with commas).
import { createWriteStream } from "node:fs";

const cities = ["Lyon", "Oslo", "Porto", "Kraków", "Zürich", "Tallinn", "Ghent", "Bilbao"];
const statuses = ["paid", "shipped", "refunded", "open"];
const words = ["data", "stage", "file", "lake", "river", "north", "quiet", "amber", "signal", "ledger", "harbour", "copper"];
const pad = (n) => String(n).padStart(2, "0");
const day = (i) => `2025-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`;
const time = (i) => `${pad(i % 24)}:${pad(i % 60)}:${pad((i * 7) % 60)}`;

const WIDE_COLUMNS = 200;
const wideCell = (c, i) => {
  switch (c % 5) {
    case 0: return String((i * (c + 7)) % 1_000_003);
    case 1: return (((i * 7919 + c) % 100_000) / 100).toFixed(2);
    case 2: return `${words[(i + c) % words.length]}${i % 97}`;
    case 3: return day(i + c);
    default: return String((i + c) % 3 === 0);
  }
};

export const SHAPES = {
  orders: {
    header: "id,customer,city,amount,quantity,ordered_on,updated_at,paid,status,note",
    row: (i) => {
      const note = i % 97 === 0 ? `"late, ""urgent""\nsee ticket ${i}"` : i % 5 === 0 ? "" : `note ${i % 1000}`;
      return `${i},customer ${i % 50000},${cities[i % cities.length]},${((i * 7919) % 100000) / 100},${i % 17},${day(i)},${day(i)} ${pad(i % 24)}:${pad(i % 60)}:00,${i % 3 === 0},${statuses[i % 4]},${note}`;
    },
  },
  events: {
    header: "id,name,amount,happened_at,active,code,comment",
    row: (i) => `${i},${words[i % words.length]} ${i % 1000},${((i * 7919) % 1_000_000) / 100},${day(i)} ${time(i)},${i % 2 === 0},${"ABCDEFGH"[i % 8]}${"XYZW"[i % 4]},"${words[(i * 3) % words.length]}, ${words[(i * 5) % words.length]} ${i % 100}"`,
  },
  wide: {
    header: Array.from({ length: WIDE_COLUMNS }, (_, c) => `c${c}`).join(","),
    row: (i) => Array.from({ length: WIDE_COLUMNS }, (_, c) => wideCell(c, i)).join(","),
  },
  text: {
    header: "id,title,body",
    row: (i) => {
      const length = 1024 + ((i * 2654435761) % 3072);
      let body = "";
      for (let k = 0; body.length < length; k++) body += `${words[(i + k * 7) % words.length]}${k % 9 === 8 ? ", " : " "}`;
      return `${i},${words[i % words.length]} report ${i},"${body.slice(0, length)}"`;
    },
  },
};

export async function generateCsv(path, targetBytes, shape = "orders") {
  const { header, row } = SHAPES[shape];
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let bytes = Buffer.byteLength(header) + 1;
  let rows = 0;
  let chunk = "";
  while (bytes < targetBytes) {
    const line = `${row(rows++)}\n`;
    chunk += line;
    bytes += Buffer.byteLength(line);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise((r) => out.end(r));
  return { rows, bytes, columns: header.split(",").length };
}
