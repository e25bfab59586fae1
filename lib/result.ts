/**
 * Errors cross the worker boundary as values, never as thrown exceptions:
 * each carries a sentence a user can act on and, where it applies, where in
 * the input the problem is.
 */
export interface StagesError {
  message: string;
  file?: string;
  line?: number;
  column?: string;
  /** For errors in SQL text: the 1-based character position within `line`. */
  position?: number;
  /** For errors in a recipe: the rule, step or SQL that caused it. */
  at?: { part: "rule" | "step" | "sql"; index: number };
  /** The engine cannot go on (it ran out of memory): the client restarts it. */
  fatal?: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StagesError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (error: StagesError): Result<never> => ({ ok: false, error });

/** The message of anything thrown (an Error, or whatever else was thrown). */
export const errorText = (error: unknown): string => String((error as Error)?.message ?? error);

/** Text for the UI: "orders.csv, line 4, column "amount": message". */
export function describeError(error: StagesError): string {
  const where = [
    error.file,
    error.line !== undefined ? `line ${error.line}${error.position !== undefined ? `, position ${error.position}` : ""}` : undefined,
    error.column !== undefined ? `column "${error.column}"` : undefined,
  ].filter(Boolean);
  return where.length ? `${where.join(", ")}: ${error.message}` : error.message;
}
