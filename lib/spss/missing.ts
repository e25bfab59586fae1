/**
 * An SPSS variable's declared missing values (SPSS's user-missing values: 99 for "no answer", 7 to 9 for
 * "refused" and "don't know"), which SPSS reads as missing: read as empty by default, as SPSS does, or kept as
 * the values they are (their labels, where labelled) when the read option `userMissing` is "kept".
 */
export interface Declared {
  name: string;
  /** 0 for a number, the string's width otherwise. */
  width: number;
  missing: number[];
  /** A missing range (low, high): ±Infinity for LO and HI, as the portable file writes them. */
  range?: [number, number];
  /** A string variable's declared missing values, without trailing spaces. */
  missingTexts?: string[];
}

/** SPSS's LOWEST and HIGHEST, the ends of a range open on one side in a .sav file. */
const OPEN_END = 1e300;

const valueText = (n: number) => (n <= -OPEN_END ? "lowest" : n >= OPEN_END ? "highest" : String(n));

/** A variable's declared missing values in words ("99", "7, 8, 9", "97 to 99", "lowest to 0 and 99"); null when none. */
export function declaredMissingText(v: Pick<Declared, "missing" | "range">): string | null {
  const parts = [...(v.range ? [`${valueText(v.range[0])} to ${valueText(v.range[1])}`] : []), ...v.missing.map(valueText)];
  return parts.length === 0 ? null : v.range && parts.length > 1 ? `${parts[0]} and ${parts.slice(1).join(", ")}` : parts.join(", ");
}

/** The declared missing values of each variable that has some, in words, by name: a string variable's quoted (`"NA", ""`). */
export function declaredMissing(variables: readonly Declared[]): Record<string, string> {
  return Object.fromEntries(variables.flatMap((v) => {
    const text = v.width === 0 ? declaredMissingText(v) : v.missingTexts?.length ? v.missingTexts.map((t) => JSON.stringify(t)).join(", ") : null;
    return text ? [[v.name, text]] : [];
  }));
}

/** The variables without their declarations: their values read as they are. */
export function withoutDeclaredMissing<V extends Declared>(variables: readonly V[]): V[] {
  return variables.map(({ range: _, missingTexts: __, ...v }) => ({ ...v, missing: [] }) as unknown as V);
}

/** What the read panel says of the declared missing values, read as empty or kept. */
export function describeDeclaredMissing(declared: Record<string, string>, kept: boolean): string {
  const names = Object.entries(declared);
  const which = names.length === 1 ? `Column ${names[0]![0]} declares ${names[0]![1]} missing` : `Columns ${names.map(([name, values]) => `${name} (${values})`).join(", ")} declare values missing`;
  return kept
    ? `${which} (SPSS's user-missing values): kept as the values they are, as chosen, where SPSS reads them as empty.`
    : `${which} (SPSS's user-missing values): read as empty, as SPSS reads them. To keep those values, read it again with Declared missing values: kept.`;
}
