import { cpgEncoding, projectionName } from "@/lib/dbf/companions";
import type { StagedFile } from "@/lib/staging/staged-file";

/** The coordinate system a projection file names, with its name; none when it names none. */
export async function projectionOf(file: File): Promise<StagedFile["projection"]> {
  const name = projectionName(await file.text());
  return name ? { name, file: file.name } : undefined;
}

/** The encoding a code page file names, with its name; none when it names none this browser decodes. */
export async function codePageOf(file: File): Promise<StagedFile["cpg"]> {
  const encoding = cpgEncoding(await file.text());
  return encoding ? { name: file.name, encoding } : undefined;
}
