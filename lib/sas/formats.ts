import { sasKind } from "./values";

/**
 * SAS formats: the user formats a catalog holds (lib/sas/sas7bcat.ts), matched to the columns that name them, and
 * SAS's own formats, which need no catalog. A column's format is stored by name (`WORKSHOP`, `$GENDER`), maybe
 * with a width (`$GENDER8.`); a user format's name never ends in a digit.
 */

/** A format's labels by value: a number, a text (of a `$` format), or a special missing value as `.A`–`.Z` or `._`. */
export type SasFormatLabels = Map<number | string, string>;

/** The catalog's formats by name, upper case, `$` first for a text format (`SEX`, `$REGION`). */
export type SasFormats = Map<string, SasFormatLabels>;

const formatName = (format: string) => format.toUpperCase().replace(/\d*\.?\d*$/, "");

/** The labels a catalog's formats give a column: those of the format it names (`WORKSHOP.`, `$GENDER8.`), if any. */
export function formatLabels(column: { format: string }, formats: SasFormats | undefined): SasFormatLabels | undefined {
  return formats?.get(formatName(column.format));
}

// SAS's own formats (SAS 9.4 Formats by Category), by name without width; dates, date-times and times are sasKind's.
const OWN_NUMBER = /^(BEST[DX]?|BINARY|COMMAX?|D|DOLLARX?|E|EURO[X]?|F|FLOAT|FRACT|HEX|IBR?|IEEER?|MRB|NEGPAREN|NUMX|OCTAL|PD|PERCENTN?|PIBR?|PK|PVALUE|RBR?|ROMAN|S370\w*|SIZEK\w*|SSN|TRAILSGN|VAXRB|WORD[FS]|YEN|ZD?|NL\w+)$/;
const OWN_TEXT = /^\$(ASCII|BASE64X|BIDI\w*|BINARY|CHAR|CSTR|EBCDIC|F|HEX|KANJI\w*|LOGV\w*|MSGCASE|N8601\w*|OCTAL|QUOTE|REVER[JS]|UCS\w*|UESC\w*|UPCASE|UTF8X|VARYING)?$/;

/** Whether a column's format is one of SAS's own (or none), which needs no catalog. */
export function isOwnFormat(format: string): boolean {
  const name = formatName(format);
  return name === "" || OWN_NUMBER.test(name) || OWN_TEXT.test(name) || sasKind(format) !== "number";
}

/** The columns naming a format that is not SAS's own and that no catalog given holds (their codes stay codes). */
export function userFormats(columns: readonly { name: string; format: string }[], formats: SasFormats | undefined): { unmatched: string[] } {
  return { unmatched: columns.filter((c) => !formatLabels(c, formats) && !isOwnFormat(c.format)).map((c) => `${c.name} (${c.format})`) };
}

/** What the read panel says of a SAS dataset's user formats no catalog gave (`userFormats`), and why a catalog added was not read. */
export function describeSasFormats({ unmatched, unread }: { unmatched: readonly string[]; unread?: string }, withCatalog: boolean): string[] {
  const name = (names: readonly string[]) => `${names.length === 1 ? "Column" : "Columns"} ${names.join(", ")} ${names.length === 1 ? "names a format" : "name formats"}`;
  return [
    ...(unread ? [`Its catalog is not read (${unread}): the codes are staged as they are.`] : []),
    ...(unmatched.length
      ? [
          withCatalog && !unread
            ? `${name(unmatched)} that the catalog added with it does not hold: staged as ${unmatched.length === 1 ? "its codes" : "their codes"}.`
            : `${name(unmatched)} that SAS does not have, most often user formats kept in a format catalog (formats.sas7bcat): staged as ${unmatched.length === 1 ? "its codes" : "their codes"}. Add the catalog now (or together with the dataset, or a ZIP of both) to read their labels.`,
        ]
      : []),
  ];
}
