"use client";

import { useState } from "react";
import { controlClass } from "../recipe/LabeledControl";

const parse = (text: string): string[] => text.split(",").map((v) => v.trim()).filter(Boolean);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * A text input for a list written with commas ("NA, -"). The text stays as typed (a comma just typed is
 * kept, though it adds nothing to the list yet); the list goes to `onList` as it changes, and a list set
 * from outside (another file's options) replaces the text.
 */
export function ListInput({ id, list, onList, size, placeholder }: { id: string; list: readonly string[]; onList: (list: string[]) => void; size?: number; placeholder?: string }) {
  const [text, setText] = useState(list.join(", "));
  if (!same(parse(text), list)) setText(list.join(", "));
  return (
    <input id={id} size={size} className={controlClass} value={text} placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value);
        onList(parse(e.target.value));
      }} />
  );
}
