import type { Layout } from "@/lib/csv/layout";
import type { Dialect } from "@/lib/csv/records";
import type { ParseOptions } from "@/lib/staging/parse-options";

/*
 * A read's options: the user's, with what the file's layout found where they left a choice unset.
 */

const tabOut = (d: string) => (d === "\t" ? "\\t" : d);
export const tabIn = (d: string) => (d === "\\t" ? "\t" : d);

/** The parts of the dialect the user set (a tab written as \t), for the layout to detect the rest. */
export function givenDialect(options: ParseOptions): Partial<Dialect> {
  const given = { delimiter: options.delimiter && tabIn(options.delimiter), quote: options.quote, escape: options.escape };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
}

/** The user's options, with what the layout found where they left a choice unset. */
export function resolveOptions(options: ParseOptions, layout: Layout): ParseOptions {
  return {
    ...options,
    delimiter: options.delimiter ?? tabOut(layout.dialect.delimiter),
    quote: options.quote ?? layout.dialect.quote,
    escape: options.escape ?? layout.dialect.escape,
    header: options.header ?? layout.header,
    skip: options.skip ?? layout.preamble,
    headerLines: options.headerLines ?? layout.headerLines,
    notes: options.notes ?? layout.notes,
    comment: options.comment ?? layout.comment ?? undefined,
    trimSpaces: options.trimSpaces ?? layout.trimSpaces,
    trailingDelimiter: options.trailingDelimiter ?? layout.trailingDelimiter,
    raggedRows: options.raggedRows ?? (layout.raggedRows || undefined),
  };
}

/** The columns read as text for their leading zeros that are still read as text (the user may have given another type since). */
export function keptForZeros(used: ParseOptions): ParseOptions["leadingZeros"] {
  const kept = Object.entries(used.leadingZeros ?? {}).filter(([column]) => used.types[column] === "VARCHAR");
  return kept.length ? Object.fromEntries(kept) : undefined;
}
