/** A byte-order mark (U+FEFF) in UTF-8. */
export const UTF8_MARK: readonly number[] = [0xef, 0xbb, 0xbf];

/** One array holding `parts` one after the other. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) (out.set(part, at), (at += part.byteLength));
  return out;
}

/** The size from which a browser may refuse to hold a file's bytes in one piece (2 GiB). */
const ONE_PIECE = 2 ** 31;

/**
 * A file's bytes read whole, or null where the browser could not hold them in one piece, as a file of several
 * gigabytes may be refused (a RangeError, or a NotReadableError); a smaller file's failure is its own, thrown.
 */
export async function wholeBytes(blob: Blob): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await blob.arrayBuffer());
  } catch (error) {
    if (blob.size >= ONE_PIECE && (error instanceof RangeError || (error instanceof Error && error.name === "NotReadableError"))) return null;
    throw error;
  }
}
