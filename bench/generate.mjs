// Writes a CSV of a realistic shape: ids, floats, short strings, dates,
// timestamps, booleans, and a few quoted fields with commas and newlines.
import { createWriteStream } from "node:fs";

const cities = ["Lyon", "Oslo", "Porto", "Kraków", "Zürich", "Tallinn", "Ghent", "Bilbao"];
const statuses = ["paid", "shipped", "refunded", "open"];

export async function generateCsv(path, targetBytes) {
  const out = createWriteStream(path);
  out.write("id,customer,city,amount,quantity,ordered_on,updated_at,paid,status,note\n");
  let bytes = 0;
  let rows = 0;
  let chunk = "";
  while (bytes < targetBytes) {
    const i = rows++;
    const day = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const note = i % 97 === 0 ? `"late, ""urgent""\nsee ticket ${i}"` : i % 5 === 0 ? "" : `note ${i % 1000}`;
    const line = `${i},customer ${i % 50000},${cities[i % cities.length]},${((i * 7919) % 100000) / 100},${i % 17},${day},${day} ${String(i % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00,${i % 3 === 0},${statuses[i % 4]},${note}\n`;
    chunk += line;
    bytes += Buffer.byteLength(line);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise((r) => out.end(r));
  return { rows, bytes };
}
