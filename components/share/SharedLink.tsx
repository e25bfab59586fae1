"use client";

import { useEffect, useRef, useState } from "react";
import { formatBytes } from "@/lib/format";
import { describeError } from "@/lib/result";
import { decodeShare, PREFIX, type Share } from "@/lib/share/link";
import type { FileOrigin } from "@/lib/staging/staged-file";
import { fetchFile, hostOf } from "@/browser/fetch-file";
import { RecipeConsent } from "./RecipeConsent";

type State = { kind: "none" } | { kind: "offer"; share: Share } | { kind: "refused"; reason: string } | { kind: "fetching"; what: string };


/**
 * A share link opened: show everything it carries (RecipeConsent) and do
 * nothing until the user agrees; then fetch its sources (cancellable, failures in plain
 * words) and hand the files, where they were fetched from, and the recipe to `onAccept`.
 */
export function SharedLink({ onAccept }: { onAccept: (files: File[], origins: FileOrigin[], share: Share) => Promise<void> }) {
  const [state, setState] = useState<State>({ kind: "none" });
  const abort = useRef<AbortController | null>(null);
  // Next's router keeps its own state in history.state: it is kept, or the router would later put back its URL.
  const clearFragment = () => history.replaceState(history.state, "", location.pathname + location.search);

  // A link opened in a new tab loads the page; pasted into this tab, it only changes the fragment.
  useEffect(() => {
    // The fragment the event carries (the address bar may already have been rewritten by the router).
    const read = (event?: HashChangeEvent) => {
      const hash = event ? new URL(event.newURL).hash : location.hash;
      if (!hash.startsWith(PREFIX)) return;
      const decoded = decodeShare(hash);
      setState(decoded.ok ? { kind: "offer", share: decoded.share } : { kind: "refused", reason: decoded.reason });
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);

  async function accept(share: Share) {
    abort.current = new AbortController();
    const files: File[] = share.inline.map((f) => new File([f.text], f.name, { type: "text/plain" }));
    const origins: FileOrigin[] = share.inline.map(() => ({}));
    for (const source of share.sources) {
      setState({ kind: "fetching", what: `${source.name} from ${hostOf(source.url)}` });
      const fetched = await fetchFile(source.url, abort.current.signal, source.name);
      if (!fetched.ok) return setState({ kind: "refused", reason: describeError(fetched.error) });
      files.push(fetched.value);
      origins.push({ url: source.url });
    }
    clearFragment();
    setState({ kind: "none" });
    await onAccept(files, origins, share);
  }

  if (state.kind === "none") return null;
  const dialog = "space-y-2 rounded-lg border-2 border-sky-600 bg-white p-4 text-sm dark:bg-slate-950";
  if (state.kind === "refused") {
    return (
      <div role="alertdialog" aria-labelledby="share-refused" className={dialog}>
        <h2 id="share-refused" className="font-semibold">
          This share link cannot be opened
        </h2>
        <p>{state.reason}</p>
        <button type="button" className="rounded border px-3 py-1 focus-visible:outline-2" onClick={() => (clearFragment(), setState({ kind: "none" }))}>
          Close
        </button>
      </div>
    );
  }
  if (state.kind === "fetching") {
    return (
      <div role="status" className={dialog}>
        <p>Fetching {state.what}…</p>
        <button type="button" className="rounded border px-3 py-1 focus-visible:outline-2" onClick={() => abort.current?.abort()}>
          Cancel fetching
        </button>
      </div>
    );
  }
  const { share } = state;
  return (
    <RecipeConsent
      title="Open a shared recipe?"
      recipe={share.recipe}
      agreeLabel="Open it"
      declineLabel="Don't open"
      onAgree={() => void accept(share)}
      onDecline={() => (clearFragment(), setState({ kind: "none" }))}
    >
      {share.sources.length > 0 && (
        <>
          <h3 className="font-semibold">Data it will fetch</h3>
          <ul className="list-disc pl-5">
            {share.sources.map((s) => (
              <li key={s.url}>
                {s.name} from <strong>{hostOf(s.url)}</strong> <span className="break-all text-xs">({s.url})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {share.inline.length > 0 && (
        <>
          <h3 className="font-semibold">Data inside the link</h3>
          <ul className="list-disc pl-5">
            {share.inline.map((f) => (
              <li key={f.name}>
                {f.name} ({formatBytes(new TextEncoder().encode(f.text).length)})
              </li>
            ))}
          </ul>
        </>
      )}
    </RecipeConsent>
  );
}
