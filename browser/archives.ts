import type { FileOrigin } from "@/lib/staging/staged-file";
import { describeError } from "@/lib/result";
import { plural } from "@/lib/format";
import { getEngine } from "./engine-client";

type Say = (kind: "info" | "error", text: string) => void;
const ZIP = /\.zip$/i;
const ZIP_TYPES = ["application/zip", "application/x-zip-compressed"];

/**
 * Files added, with each ZIP archive (by its name or type) replaced by the data files it holds, each to stage on its
 * own with the archive named as where it came from (workers/engine/archive-files.ts), and the address the archive was
 * fetched from, if it was. An archive that holds no data file is staged as it is, for staging to say what it holds.
 */
export async function unpackArchives(list: File[], origins: (FileOrigin | undefined)[], say: Say): Promise<{ files: File[]; origins: (FileOrigin | undefined)[] }> {
  const files: File[] = [];
  const from: (FileOrigin | undefined)[] = [];
  for (const [i, file] of list.entries()) {
    const inside = ZIP.test(file.name) || ZIP_TYPES.includes(file.type) ? await getEngine().filesInArchive(file) : null;
    if (inside && !inside.ok) {
      say("error", describeError(inside.error));
      continue;
    }
    if (!inside?.value) {
      files.push(file);
      from.push(origins[i]);
      continue;
    }
    say("info", `${file.name} holds ${plural(inside.value.length, "data file")} (${inside.value.map((f) => f.fileName).join(", ")}): each is staged on its own.`);
    for (const entry of inside.value) {
      files.push(new File([entry.blob], entry.fileName));
      from.push({ derivedFrom: entry.derivedFrom, ...(origins[i]?.url ? { url: origins[i]!.url } : {}) });
    }
  }
  return { files, origins: from };
}
