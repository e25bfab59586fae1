import { sql, PostgreSQL } from "@codemirror/lang-sql";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";

/** A CodeMirror 6 editor for SQL, as components/recipe/SqlCodeEditor.tsx drives it: loaded only when one is shown. */
export interface SqlCodeView {
  dom: HTMLElement;
  setValue: (text: string) => void;
  setSchema: (schema: Record<string, string[]>, defaultTable: string) => void;
  setAttributes: (label: string, invalid: boolean) => void;
  destroy: () => void;
}

interface Init {
  value: string;
  schema: Record<string, string[]>;
  defaultTable: string;
  label: string;
  invalid: boolean;
  onChange: (text: string) => void;
  onRun: () => void;
}

const attributesOf = (label: string, invalid: boolean) => EditorView.contentAttributes.of({ "aria-label": label, "aria-invalid": String(invalid) });

/** SQL highlighting and completion of table and column names; Ctrl/Cmd+Enter runs. */
export function sqlCodeView({ value, schema, defaultTable, label, invalid, onChange, onRun }: Init): SqlCodeView {
  const language = new Compartment();
  const attributes = new Compartment();
  const view = new EditorView({
    state: EditorState.create({
      doc: value,
      extensions: [
        keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }]),
        basicSetup,
        language.of(sql({ dialect: PostgreSQL, schema, defaultTable })),
        attributes.of(attributesOf(label, invalid)),
        EditorView.updateListener.of((u) => u.docChanged && onChange(u.state.doc.toString())),
        EditorView.theme({ "&": { fontSize: "13px" }, ".cm-content": { minHeight: "5rem" } }),
      ],
    }),
  });
  return {
    dom: view.dom,
    setValue: (text) => {
      if (view.state.doc.toString() !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setSchema: (next, table) => view.dispatch({ effects: language.reconfigure(sql({ dialect: PostgreSQL, schema: next, defaultTable: table })) }),
    setAttributes: (name, bad) => view.dispatch({ effects: attributes.reconfigure(attributesOf(name, bad)) }),
    destroy: () => view.destroy(),
  };
}
