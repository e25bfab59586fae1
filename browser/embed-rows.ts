import { CHUNK_CHARS } from "@/lib/embed/protocol";

/**
 * A file of rows (a Blob backed by OPFS scratch) sent as text in chunks, each
 * acknowledged before the next is read: neither side holds the whole file
 * twice. Returns how many chunks went.
 */
export async function sendInChunks(blob: Blob, post: (seq: number, data: string) => void, acked: (seq: number) => Promise<void>): Promise<number> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  let seq = 0;
  const flush = async (text: string) => {
    const done = acked(seq);
    post(seq++, text);
    await done;
  };
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
