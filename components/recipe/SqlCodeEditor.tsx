"use client";

import { useEffect, useRef } from "react";
import { whenIdle } from "@/browser/idle";
import type { SqlCodeView } from "./sql-code-view";

interface Props {
  label: string;
  value: string;
  /** Table name → its column names, for completion. */
  schema: Record<string, string[]>;
  /** The table whose columns complete without a table name. */
  defaultTable: string;
  invalid: boolean;
  onChange: (text: string) => void;
  onRun: () => void;
}

/** CodeMirror 6 with SQL highlighting and completion of table and column names. Ctrl/Cmd+Enter runs. */
export function SqlCodeEditor({ label, value, schema, defaultTable, invalid, onChange, onRun }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<SqlCodeView | null>(null);
  // The latest props, for the editor built later and for its callbacks.
  const latest = useRef({ value, schema, defaultTable, label, invalid, onChange, onRun });
  latest.current = { value, schema, defaultTable, label, invalid, onChange, onRun };
  // Callers build `schema` afresh on each render: the SQL language is rebuilt only for a new set of names.
  const schemaKey = JSON.stringify(schema);
  const configured = useRef("");

  useEffect(() => {
    // CodeMirror (about 0.6 MB of script) loads with the first editor shown, not with the page. Building the
    // editor takes tens of milliseconds, most of it laying out the page around it: it is built off the page
    // in one idle task and put on it in another, rather than in the task that mounts the whole workspace.
    let gone = false;
    let cancel = () => {};
    void import("./sql-code-view").then(({ sqlCodeView }) => {
      if (gone) return;
      cancel = whenIdle(() => {
        const { schema, defaultTable } = latest.current;
        const built = sqlCodeView({ ...latest.current, onChange: (text) => latest.current.onChange(text), onRun: () => latest.current.onRun() });
        view.current = built;
        configured.current = `${JSON.stringify(schema)}\n${defaultTable}`;
        cancel = whenIdle(() => host.current?.appendChild(built.dom));
      });
    });
    return () => {
      gone = true;
      cancel();
      view.current?.destroy();
      view.current = null;
    };
  }, []); // Created once: later values, names and labels reach it through the effects below.

  useEffect(() => view.current?.setValue(value), [value]);

  useEffect(() => {
    const key = `${schemaKey}\n${defaultTable}`;
    if (!view.current || configured.current === key) return;
    configured.current = key;
    view.current.setSchema(latest.current.schema, defaultTable);
  }, [schemaKey, defaultTable]);

  useEffect(() => view.current?.setAttributes(label, invalid), [label, invalid]);

  return <div ref={host} className="min-h-20 overflow-hidden rounded border border-slate-300 bg-white text-slate-900 dark:border-slate-700" />;
}
