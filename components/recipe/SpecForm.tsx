"use client";

import { useState } from "react";
import { THIS_FILE, type FieldSpec, type FormValues } from "@/lib/recipe/forms";
import { controlClass as input, LabeledControl } from "./LabeledControl";

interface Props<K extends string> {
  legend: string;
  kindLabel: string;
  forms: Record<K, { label: string; fields: FieldSpec[] }>;
  columns: string[];
  /** The other staged files by SQL name, with their columns, for fields that name one (a reference rule's). */
  files?: Record<string, string[]>;
  extra?: React.ReactNode;
  submitLabel: string;
  /** Start from an existing item's kind and values (editing it). */
  initial?: { kind: K; values: FormValues };
  onCancel?: () => void;
  /** Returns an error to show, or null when the item was added. */
  onSubmit: (kind: K, values: FormValues) => string | null;
}

/** A small form whose fields follow the chosen kind's spec (lib/recipe/forms.ts). */
export function SpecForm<K extends string>({ legend, kindLabel, forms, columns, files = {}, extra, submitLabel, initial, onCancel, onSubmit }: Props<K>) {
  const kinds = Object.keys(forms) as K[];
  const [kind, setKind] = useState<K>(initial?.kind ?? kinds[0]!);
  const [values, setValues] = useState<FormValues>(initial?.values ?? {});
  const [error, setError] = useState<string | null>(null);
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <form
      className="space-y-2 rounded border border-slate-200 p-2 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = onSubmit(kind, values);
        setError(problem);
        if (!problem) setValues({});
      }}
    >
      <fieldset className="flex flex-wrap items-end gap-2">
        <legend className="mb-1 text-xs font-semibold">{legend}</legend>
        <LabeledControl label={kindLabel}>
          {(id) => (
            <select id={id} className={input} value={kind} onChange={(e) => setKind(e.target.value as K)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {forms[k].label}
                </option>
              ))}
            </select>
          )}
        </LabeledControl>
        {forms[kind].fields.map((f) => (
          <Field key={`${kind}-${f.name}`} spec={f} options={optionsFor(f, columns, files, values)} value={values[f.name]} set={set} />
        ))}
        {extra}
        <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="rounded border px-3 py-1 text-sm focus-visible:outline-2" onClick={onCancel}>
            Cancel
          </button>
        )}
      </fieldset>
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </form>
  );
}

/** The choices of a field that picks a column, another staged file, or a column of the file picked; undefined for free text. */
function optionsFor(spec: FieldSpec, columns: string[], files: Record<string, string[]>, values: FormValues): readonly string[] | undefined {
  if (spec.input === "column") return columns;
  if (spec.input === "file") return [THIS_FILE, ...Object.keys(files)];
  if (spec.input === "fileColumn") return values.file === THIS_FILE ? columns : (files[String(values.file ?? "")] ?? []);
  return spec.choices;
}

function Field({ spec, options, value, set }: { spec: FieldSpec; options: readonly string[] | undefined; value: string | boolean | undefined; set: (n: string, v: string | boolean) => void }) {
  const text = typeof value === "string" ? value : "";
  if (spec.input === "checkbox") {
    return (
      <label className="flex items-center gap-1 text-xs">
        <input type="checkbox" checked={value === true} onChange={(e) => set(spec.name, e.target.checked)} />
        {spec.label}
      </label>
    );
  }
  return (
    <LabeledControl label={spec.label}>
      {(id) =>
        options ? (
          <select id={id} className={input} value={text || ""} onChange={(e) => set(spec.name, e.target.value)}>
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            className={input}
            value={text}
            inputMode={spec.input === "number" ? "numeric" : undefined}
            onChange={(e) => set(spec.name, e.target.value)}
          />
        )
      }
    </LabeledControl>
  );
}
