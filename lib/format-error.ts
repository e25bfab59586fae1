/**
 * Why a file of a binary format (a workbook, a database, a dataset) cannot be read, said as the reason in "This …
 * cannot be read: <reason>." Any other error a reader meets on such a file is damage it did not foresee.
 */
export class FormatError extends Error {}

/** The reason to give for an error met reading a file: its own, or that the file is damaged. */
export const unreadableReason = (error: unknown): string =>
  error instanceof FormatError ? error.message : `it is damaged or cut short (${error instanceof Error ? error.message : String(error)})`;
