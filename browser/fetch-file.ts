import { fail, ok, type Result } from "@/lib/result";
import { fetchedFileName } from "@/lib/staging/file-link";

export const hostOf = (url: string) => new URL(url).host;

/**
 * A data file fetched from an address the user gave or agreed to (no cookies sent), as a File named `name` or as
 * the server names it (lib/staging/file-link.ts); failures in plain words: the server's answer, an unreachable
 * server or one that does not let other sites read the file (CORS), a cancel.
 */
export async function fetchFile(url: string, signal: AbortSignal, name?: string): Promise<Result<File>> {
  const host = hostOf(url);
  try {
    const response = await fetch(url, { signal, credentials: "omit" });
    const fileName = name ?? fetchedFileName(response.url || url, response.headers.get("content-disposition"), response.headers.get("content-type"));
    if (!response.ok) return fail({ file: fileName, message: `The server at ${host} answered ${response.status} ${response.statusText}.`.replace(" .", ".") });
    return ok(new File([await response.blob()], fileName, { type: response.headers.get("content-type")?.split(";")[0] ?? "" }));
  } catch (error) {
    if (signal.aborted) return fail({ message: "Fetching was cancelled. Nothing was staged." });
    return fail({
      file: name,
      message: `Could not fetch ${url}: the server at ${host} may be unreachable, or it does not let other sites read the file (CORS). (${(error as Error).message})`,
    });
  }
}
