"use client";

import { sql, PostgreSQL } from "@codemirror/lang-sql";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";
import { whenIdle } from "@/browser/idle";

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
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const attributes = useRef(new Compartment());
  // The latest props, for the editor built later and for its callbacks.
  const latest = useRef({ value, schema, defaultTable, label, invalid, onChange, onRun });
  latest.current = { value, schema, defaultTable, label, invalid, onChange, onRun };
  // Callers build `schema` afresh on each render: the SQL language is rebuilt only for a new set of names.
  const schemaKey = JSON.stringify(schema);
  const configured = useRef("");

  useEffect(() => {
    // Building the editor takes tens of milliseconds, most of it laying out the page around it: it is
    // built off the page in one idle task and put on it in another, rather than in the task that
    // mounts the whole workspace.
    let cancel = whenIdle(() => {
      const { value, schema, defaultTable, label, invalid } = latest.current;
      const built = new EditorView({
        state: EditorState.create({
          doc: value,
          extensions: [
            keymap.of([{ key: "Mod-Enter", run: () => (latest.current.onRun(), true) }]),
            basicSetup,
            language.current.of(sql({ dialect: PostgreSQL, schema, defaultTable })),
            attributes.current.of(EditorView.contentAttributes.of({ "aria-label": label, "aria-invalid": String(invalid) })),
            EditorView.updateListener.of((u) => u.docChanged && latest.current.onChange(u.state.doc.toString())),
            EditorView.theme({ "&": { fontSize: "13px" }, ".cm-content": { minHeight: "5rem" } }),
          ],
        }),
      });
      view.current = built;
      configured.current = `${JSON.stringify(schema)}\n${defaultTable}`;
      cancel = whenIdle(() => host.current?.appendChild(built.dom));
    });
    return () => {
      cancel();
      view.current?.destroy();
      view.current = null;
    };
  }, []); // Created once: later values, names and labels reach it through the effects below.

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const key = `${schemaKey}\n${defaultTable}`;
    if (!view.current || configured.current === key) return;
    configured.current = key;
    view.current.dispatch({ effects: language.current.reconfigure(sql({ dialect: PostgreSQL, schema, defaultTable })) });
  }, [schemaKey, defaultTable]);

  useEffect(() => {
    view.current?.dispatch({
      effects: attributes.current.reconfigure(EditorView.contentAttributes.of({ "aria-label": label, "aria-invalid": String(invalid) })),
    });
  }, [label, invalid]);

  return <div ref={host} className="min-h-20 overflow-hidden rounded border border-slate-300 bg-white text-slate-900 dark:border-slate-700" />;
}
