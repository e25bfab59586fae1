/** A byte-order mark (U+FEFF) in UTF-8. */
export const UTF8_MARK: readonly number[] = [0xef, 0xbb, 0xbf];

/** One array holding `parts` one after the other. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) (out.set(part, at), (at += part.byteLength));
  return out;
}
