/**
 * Files that are not data files Stages reads, told by their first bytes, with what to do instead: a message
 * that names the file's kind rather than "byte 3 is a binary control character".
 */
const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

const KINDS: { magic: readonly number[]; message: string }[] = [
  { magic: ascii("%PDF-"), message: "This is a PDF document, not a data file. Export the table as CSV or Excel where it came from, and stage that." },
  ...[
    { kind: "PNG", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
    { kind: "JPEG", magic: [0xff, 0xd8, 0xff] },
    { kind: "GIF", magic: ascii("GIF8") },
  ].map(({ kind, magic }) => ({ magic, message: `This is a ${kind} image, not a text file or a table. Stage the data it shows as CSV, Excel or another data file.` })),
  { magic: ascii("Obj\u0001"), message: "This is an Avro file, which Stages does not read. Write it as Parquet or CSV, and stage that." },
];

/** What the file is and what to do, when its first bytes name a kind Stages does not read; else null. */
export function knownBinary(head: Uint8Array): string | null {
  return KINDS.find(({ magic }) => magic.length <= head.length && magic.every((byte, i) => head[i] === byte))?.message ?? null;
}
