import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { z } from "@/lib/zod";
import { loadRecipe } from "@/lib/recipe/load";
import { fragmentProblems } from "@/lib/recipe/pipeline";
import type { Recipe } from "@/lib/recipe/schema";

/**
 * A share link carries, in the URL fragment (never sent to a server), a
 * compressed, versioned document: the recipe, and optionally where the data
 * lives (http/https URLs) and small data inline. Decoding refuses what is
 * malformed, truncated, too large, too deep or from a newer version, with
 * the reason; it never interprets anything as HTML.
 */
export const SHARE_VERSION = 1;
export const PREFIX = "#share=";
/** Inline data and links are capped: compressed bytes in the link, and bytes once inflated. */
export const DEFAULT_INLINE_LIMIT = 64 * 1024;
const MAX_LINK_BYTES = 512 * 1024;
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 12;

const SAFE_NAME = /^[^<>\u0000-\u001f\\/]{1,200}$/;

const shareSchema = z.object({
  v: z.number(),
  recipe: z.unknown(),
  sources: z
    .array(
      z.object({
        name: z.string().regex(SAFE_NAME, "a file name may not hold <, >, slashes or control characters"),
        url: z.string().url().refine((u) => /^https?:$/.test(new URL(u).protocol), "sources must be http or https URLs"),
      }),
    )
    .max(20)
    .default([]),
  inline: z
    .array(z.object({ name: z.string().regex(SAFE_NAME, "a file name may not hold <, >, slashes or control characters"), text: z.string() }))
    .max(10)
    .default([]),
});

export interface Share {
  recipe: Recipe;
  sources: { name: string; url: string }[];
  inline: { name: string; text: string }[];
}

export type Decoded = { ok: true; share: Share } | { ok: false; reason: string };

const toBase64Url = (bytes: Uint8Array) => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The fragment for a share; `inlineLimit` caps the compressed size of the whole link when data rides inline. */
export function encodeShare(share: Share, inlineLimit = DEFAULT_INLINE_LIMIT): { ok: true; fragment: string } | { ok: false; reason: string } {
  const bytes = deflateSync(strToU8(JSON.stringify({ v: SHARE_VERSION, ...share })), { level: 9 });
  if (share.inline.length && bytes.length > inlineLimit) {
    return { ok: false, reason: `The data is too large to carry in a link (${Math.ceil(bytes.length / 1024)} KB compressed; the limit is ${Math.round(inlineLimit / 1024)} KB). Share a source URL instead.` };
  }
  return { ok: true, fragment: `${PREFIX}${toBase64Url(bytes)}` };
}

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH || value === null || typeof value !== "object") return level;
  let deepest = level;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depth(child, level + 1));
  return deepest;
}

function hasHugeNumber(value: unknown): boolean {
  if (typeof value === "number") return !Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER;
  return value !== null && typeof value === "object" && Object.values(value).some(hasHugeNumber);
}

export function decodeShare(fragment: string): Decoded {
  if (!fragment.startsWith(PREFIX)) return { ok: false, reason: "This is not a Stages share link." };
  const payload = fragment.slice(PREFIX.length);
  if (payload.length > (MAX_LINK_BYTES * 4) / 3) return { ok: false, reason: "The link is too large to open." };
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.length === 0) return { ok: false, reason: "The link is damaged: its data is not valid base64url." };
  let text: string;
  try {
    const out = inflateSync(bytes, { out: new Uint8Array(MAX_INFLATED_BYTES + 1) });
    if (out.length > MAX_INFLATED_BYTES) return { ok: false, reason: "The link's contents are too large to open (over 4 MB once unpacked)." };
    text = strFromU8(out);
  } catch {
    return { ok: false, reason: "The link is damaged or truncated: its data does not decompress." };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: "The link is damaged or truncated: its contents are not valid JSON." };
  }
  if (depth(doc) > MAX_DEPTH) return { ok: false, reason: "The link's contents are nested too deeply." };
  if (hasHugeNumber(doc)) return { ok: false, reason: "The link holds a number too large to be meant." };
  const parsed = shareSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `The link is malformed at ${issue.path.join(".") || "the top level"}: ${issue.message}.` };
  }
  if (parsed.data.v > SHARE_VERSION) return { ok: false, reason: `This link was made by a newer Stages (link version ${parsed.data.v}); this one reads version ${SHARE_VERSION}.` };
  if (parsed.data.v < 1) return { ok: false, reason: "The link's version is not valid." };
  const recipe = loadRecipe(parsed.data.recipe);
  if (!recipe.ok) return { ok: false, reason: recipe.reason };
  const unsafe = fragmentProblems(recipe.recipe);
  if (unsafe) return { ok: false, reason: `The recipe's ${unsafe.where} ${unsafe.where === "sql" ? "" : `${unsafe.index + 1} `}is refused: ${unsafe.reason}` };
  return { ok: true, share: { recipe: recipe.recipe, sources: parsed.data.sources, inline: parsed.data.inline } };
}
