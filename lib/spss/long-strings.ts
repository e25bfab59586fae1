import type { Slot } from "./sav";

/** A .sav file's records for strings longer than 8 bytes, which its variable records have no room for. */

/**
 * The value labels of strings longer than 8 bytes (record 7, subtype 21): for each variable, its name and width and
 * its labels, each value and label after its length; given to the variable by its short or long name.
 */
export function longStringValueLabels(body: Uint8Array, slots: (Slot | null)[], longNames: string, little: boolean, text: TextDecoder): void {
  const data = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const named = longNamesOf(longNames);
  const counted = (at: number) => body.subarray(at + 4, at + 4 + data.getInt32(at, little));
  for (let at = 0; at + 12 <= body.length; ) {
    const name = text.decode(counted(at)).toLowerCase();
    at += 4 + data.getInt32(at, little) + 4;
    const count = data.getInt32(at, little);
    at += 4;
    const labels = new Map<string, string>();
    for (let i = 0; i < count && at + 8 <= body.length; i++) {
      const value = counted(at);
      at += 4 + value.length;
      const label = counted(at);
      at += 4 + label.length;
      labels.set(text.decode(value).replace(/[ \0]+$/, ""), text.decode(label));
    }
    const slot = byName(slots, named, name);
    if (slot) slot.textLabels = labels;
  }
}

/**
 * The declared missing values of strings longer than 8 bytes (record 7, subtype 22): for each variable, its name,
 * how many values, their length (8), and the values; given to the variable by its short or long name.
 */
export function longStringMissingValues(body: Uint8Array, slots: (Slot | null)[], longNames: string, little: boolean, text: TextDecoder): void {
  const data = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const named = longNamesOf(longNames);
  for (let at = 0; at + 9 <= body.length; ) {
    const name = text.decode(body.subarray(at + 4, at + 4 + data.getInt32(at, little))).toLowerCase();
    at += 4 + data.getInt32(at, little);
    const count = body[at]!;
    const width = data.getInt32(at + 1, little);
    at += 5;
    const values = Array.from({ length: count }, (_, i) => text.decode(body.subarray(at + i * width, at + (i + 1) * width)).replace(/[ \0]+$/, ""));
    at += count * width;
    const slot = byName(slots, named, name);
    if (slot) slot.missingTexts = values;
  }
}

/** A .sav file's long variable names (record 7, subtype 13: `SHORT=Long name` pairs separated by tabs), by short name. */
export const longNamesOf = (longNames: string): Map<string, string> => new Map(longNames.split("\t").filter(Boolean).map((pair) => pair.split("=") as [string, string]));

/** A variable's first slot by its short or long name (lower case). */
const byName = (slots: (Slot | null)[], named: Map<string, string>, name: string) =>
  slots.find((s) => s && (s.name.toLowerCase() === name || named.get(s.name)?.toLowerCase() === name));
