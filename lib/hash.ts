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

export async function sha256Text(text: string): Promise<string> {
  const hasher = await sha256();
  hasher.update(text);
  return hasher.hex();
}
