import { useCallback, useState } from "react";

/** Messages shown to the user: errors as alerts, the rest as status. */
export interface Notice {
  id: number;
  kind: "error" | "info";
  text: string;
}

export type Notify = (kind: Notice["kind"], text: string) => void;

let nextId = 1;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback<Notify>((kind, text) => {
    setNotices((list) => [...list.slice(-4), { id: nextId++, kind, text }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  return { notices, notify, dismiss };
}
