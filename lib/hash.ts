import { createSHA256 } from "hash-wasm";

/**
 * SHA-256, the checksum of staged files, dataset files and recipes in
 * manifests: fed chunk by chunk as bytes stream by, or given a text whole.
 */
export interface Sha256 {
  update(chunk: Uint8Array | string): void;
  hex(): string;
}

export async function sha256(): Promise<Sha256> {
  const hasher = await createSHA256();
  hasher.init();
  return { update: (chunk) => void hasher.update(chunk), hex: () => hasher.digest("hex") };
}

/**
 * The SHA-256 of bytes held whole: the browser's own (WebCrypto, several times
 * faster than hash-wasm), or hash-wasm where WebCrypto is missing (a page not
 * served from a secure origin).
 */
export async function sha256Bytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  if (!globalThis.crypto?.subtle) {
    const hasher = await sha256();
    hasher.update(bytes);
    return hasher.hex();
  }
  return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Text(text: string): Promise<string> {
  const hasher = await sha256();
  hasher.update(text);
  return hasher.hex();
}
