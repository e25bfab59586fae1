"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { allowListOf, hostMessageSchema, originAllowed, readMessage, EMBED_PROTOCOL, type FrameMessage, type HostMessage } from "@/lib/embed/protocol";

type OpenMessage = Extract<HostMessage, { type: "open" }>;
type Send = (message: FrameMessage extends infer M ? (M extends FrameMessage ? Omit<M, "stages"> : never) : never) => void;

export type HostState =
  | { kind: "waiting" }
  /** A host not on the build's allow-list asked: the user decides. */
  | { kind: "asking"; origin: string; open: OpenMessage }
  | { kind: "connected"; origin: string; open: OpenMessage }
  | { kind: "refused"; origin: string };

const ALLOWED = allowListOf(process.env.NEXT_PUBLIC_STAGES_EMBED_ORIGINS);

/**
 * The page that embeds this importer (lib/embed/protocol.ts): only the parent
 * window is listened to, every message is parsed before anything is done with
 * it (a malformed one is refused, with the reason, to its sender), and data
 * goes only to the origin the user (or the build's allow-list) accepted.
 * Acknowledgements of chunks are handed to `waitAck`.
 */
export function useHost() {
  const [state, setState] = useState<HostState>({ kind: "waiting" });
  const host = useRef<string | null>(null);
  const acks = useRef(new Map<number, () => void>());

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || window.parent === window) return;
      const read = readMessage(hostMessageSchema, event.data);
      if (!read.ok) {
        // Saying why carries no data: it may go to whoever sent the message.
        window.parent.postMessage({ stages: EMBED_PROTOCOL, type: "invalid", reason: read.reason }, event.origin);
        return;
      }
      const message = read.message;
      if (message.type === "ack") {
        if (event.origin === host.current) acks.current.get(message.seq)?.();
        return;
      }
      if (host.current) return;
      setState(originAllowed(event.origin, ALLOWED) ? connect(event.origin, message) : { kind: "asking", origin: event.origin, open: message });
    };
    const connect = (origin: string, open: OpenMessage): HostState => {
      host.current = origin;
      return { kind: "connected", origin, open };
    };
    window.addEventListener("message", onMessage);
    if (window.parent !== window) window.parent.postMessage({ stages: EMBED_PROTOCOL, type: "ready" }, "*");
    return () => window.removeEventListener("message", onMessage);
  }, []);

  const send: Send = useCallback((message) => {
    if (host.current) window.parent.postMessage({ stages: EMBED_PROTOCOL, ...message }, host.current);
  }, []);
  const waitAck = useCallback((seq: number) => new Promise<void>((resolve) => acks.current.set(seq, () => (acks.current.delete(seq), resolve()))), []);
  const decide = (allow: boolean) => {
    if (state.kind !== "asking") return;
    if (!allow) {
      window.parent.postMessage({ stages: EMBED_PROTOCOL, type: "refused", reason: "The user did not let this page receive data." }, state.origin);
      return setState({ kind: "refused", origin: state.origin });
    }
    host.current = state.origin;
    setState({ kind: "connected", origin: state.origin, open: state.open });
  };
  return { state, send, waitAck, decide };
}
