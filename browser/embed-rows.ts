import { CHUNK_CHARS } from "@/lib/embed/protocol";

/**
 * A file of rows (a Blob backed by OPFS scratch) sent in chunks, each
 * acknowledged before the next is read: neither side holds the whole file
 * twice. Text (CSV, NDJSON) goes as strings of CHUNK_CHARS characters; with
 * `bytes` (an Arrow IPC stream) as Uint8Arrays of CHUNK_CHARS bytes. Returns
 * how many chunks went.
 */
export async function sendInChunks(
  blob: Blob,
  post: (seq: number, data: string | Uint8Array<ArrayBuffer>) => void,
  acked: (seq: number) => Promise<void>,
  { bytes = false } = {},
): Promise<number> {
  let seq = 0;
  const flush = async (data: string | Uint8Array<ArrayBuffer>) => {
    const done = acked(seq);
    post(seq++, data);
    await done;
  };
  if (bytes) {
    for (let at = 0; at < blob.size; at += CHUNK_CHARS) await flush(new Uint8Array(await blob.slice(at, at + CHUNK_CHARS).arrayBuffer()));
    return seq;
  }
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  for (;;) {
    const next = await reader.read();
    if (!next.done) pending += next.value;
    while (pending.length >= CHUNK_CHARS || (next.done && pending.length > 0)) {
      await flush(pending.slice(0, CHUNK_CHARS));
      pending = pending.slice(CHUNK_CHARS);
    }
    if (next.done) return seq;
  }
}
