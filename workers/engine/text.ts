import { MixedUtf8Decoder, mixedUtf8Stream, UTF8_MIXED } from "@/lib/staging/mixed-utf8";
import { NulStripper, type NulBytes } from "@/lib/staging/nul-bytes";
import { cutLineStart, type GzipCut } from "@/lib/staging/gzip-cut";
import { MAX_LINE_BYTES } from "@/lib/staging/parse-options";
import { countLines } from "@/lib/csv/blob-lines";

/*
 * Text preparation before DuckDB reads a file: gzip is inflated and any
 * encoding but UTF-8 is transcoded to UTF-8, both streaming, in the worker.
 */

/**
 * Gzip inflated, streaming. Data that ends before its end (the inflater fails only as its input closes,
 * not on a byte of it) gives what it held and calls `onCut`; any other fault errors the stream.
 */
export function inflate(blob: Blob, onCut?: () => void): ReadableStream<Uint8Array> {
  const inflating = new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>;
  const writer = inflating.writable.getWriter();
  let cut = false;
  const fed = (async () => {
    const input = blob.stream().getReader();
    for (let next = await input.read(); !next.done; next = await input.read()) await writer.write(next.value);
    await writer.close().catch((error: unknown) => {
      cut = true;
      throw error;
    });
  })();
  // Its fault is the output's too, seen there (or not at all when the output is cancelled).
  void fed.catch(() => undefined);
  const output = inflating.readable.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await output.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        await fed.catch(() => undefined);
        if (!cut || !onCut) return controller.error(error);
        onCut();
        controller.close();
      }
    },
    cancel: (reason) => output.cancel(reason),
  });
}

const TRUNCATED = "The gzip data is truncated or damaged, so the file cannot be read.";

/**
 * A text as UTF-8: gzip inflated, any other encoding transcoded; gzip data cut off gives what it held, and says so
 * (gzip-cut.ts). `nul`: gzip's text holds a NUL byte (staging's checksum pass sees only its compressed bytes).
 */
export async function readableText(blob: Blob, gzip: boolean, encoding: string): Promise<{ text: Blob; gzipCut?: GzipCut; nul?: boolean }> {
  if (!gzip && encoding === "utf-8") return { text: blob };
  let cut = false;
  let nul = false;
  let stream = gzip ? inflate(blob, () => (cut = true)) : blob.stream();
  if (encoding !== "utf-8") {
    const decode = encoding === UTF8_MIXED ? mixedUtf8Stream() : (new TextDecoderStream(encoding) as unknown as TransformStream<Uint8Array, string>);
    stream = stream.pipeThrough(decode).pipeThrough(new TextEncoderStream());
  }
  if (gzip) {
    const look = (chunk: Uint8Array, out: TransformStreamDefaultController<Uint8Array>) => {
      nul ||= chunk.includes(0);
      out.enqueue(chunk);
    };
    stream = stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: look }));
  }
  let text: Blob;
  try {
    text = await new Response(stream).blob();
  } catch (error) {
    throw new TextError(gzip ? TRUNCATED : `The file could not be decoded as ${encoding}.`, error);
  }
  if (cut && text.size === 0) throw new TextError(TRUNCATED, null);
  return { text, ...(cut ? { gzipCut: { inflatedBytes: text.size } } : {}), ...(nul ? { nul } : {}) };
}

/** A text as UTF-8, whole: gzip data cut off is refused. */
export async function utf8Blob(blob: Blob, gzip: boolean, encoding: string): Promise<Blob> {
  const { text, gzipCut } = await readableText(blob, gzip, encoding);
  if (gzipCut) throw new TextError(TRUNCATED, null);
  return text;
}

/**
 * The last line of a text cut off in its middle, apart: the text up to it, and its own text ("" when the
 * text ended at a line's end, or when one of `edits` gives that line, which then completes it in place).
 * It is looked for in the last MAX_LINE_BYTES.
 */
export async function apartFromCutLine(text: Blob, edits: readonly { line: number }[] = []): Promise<{ text: Blob; cutLine: string }> {
  const from = Math.max(0, text.size - MAX_LINE_BYTES);
  const start = cutLineStart(new Uint8Array(await text.slice(from).arrayBuffer()));
  const at = start === null ? (from === 0 ? 0 : text.size) : from + start;
  if (at === text.size) return { text, cutLine: "" };
  const before = text.slice(0, at);
  const line = edits.length ? (await countLines(before)).lines + 1 : 0;
  if (edits.some((e) => e.line === line)) return { text, cutLine: "" };
  return { text: before, cutLine: await text.slice(at).text() };
}

/**
 * A DOS end-of-file mark (Ctrl-Z, byte 0x1A) ending the text is not data: glued to the last value it would
 * make that column text. It is left out; `lineLeftBlank` says it had a line of its own, which is left blank.
 */
export async function withoutEndOfFileMark(text: Blob): Promise<{ text: Blob; lineLeftBlank: boolean }> {
  const tail = new Uint8Array(await text.slice(Math.max(0, text.size - 2)).arrayBuffer());
  if (tail[tail.length - 1] !== 0x1a) return { text, lineLeftBlank: false };
  const before = tail.length === 2 ? tail[0] : undefined;
  return { text: text.slice(0, text.size - 1), lineLeftBlank: before === undefined || before === 0x0a || before === 0x0d };
}

/** How much of a text's start is looked at for NUL bytes: a text with none there is read as it is. */
const NUL_HEAD_BYTES = 64 * 1024;

/**
 * A text whose first 64 KB hold NUL bytes, or that is known to hold some (`known`: found as the file was
 * staged), without any of them (lib/staging/nul-bytes.ts), streaming; any other text is given back as it is.
 */
export async function withoutNulBytes(text: Blob, known: boolean): Promise<{ text: Blob; nulBytes?: NulBytes }> {
  if (!known && !new Uint8Array(await text.slice(0, NUL_HEAD_BYTES).arrayBuffer()).includes(0)) return { text };
  const stripper = new NulStripper();
  const stripped = text.stream().pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, out) => out.enqueue(stripper.update(chunk)) }));
  const blob = await new Response(stripped).blob();
  const nulBytes = stripper.result();
  return nulBytes ? { text: blob, nulBytes } : { text };
}

export class TextError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

/** The first bytes of the content (inflated when gzip). */
export async function contentHead(blob: Blob, gzip: boolean, bytes = 64 * 1024): Promise<Uint8Array> {
  if (!gzip) return new Uint8Array(await blob.slice(0, bytes).arrayBuffer());
  const reader = inflate(blob).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < bytes) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  } catch {
    // A damaged stream: what was read so far is the head.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const head = new Uint8Array(Math.min(size, bytes));
  let at = 0;
  for (const c of chunks) {
    head.set(c.subarray(0, head.length - at), at);
    at += Math.min(c.byteLength, head.length - at);
    if (at >= head.length) break;
  }
  return head;
}

/** The same opening text read as UTF-8 and as the chosen encoding: a wrong guess shows at once. */
export function encodingSample(head: Uint8Array, encoding: string): { asUtf8: string; decoded: string } {
  const cut = head.subarray(0, 240);
  const line = (s: string) => s.replace(/^\uFEFF/, "").slice(0, 120);
  const decoded = encoding === UTF8_MIXED ? new MixedUtf8Decoder().decode(cut, true) : new TextDecoder(encoding).decode(cut);
  return { asUtf8: line(new TextDecoder("utf-8").decode(cut)), decoded: line(decoded) };
}
