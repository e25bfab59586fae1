import type { ContextGetter } from "saxen";

/** XML that is not well formed, where the parser found it: `line` from 1. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The parser's error handler: stops the parse with an `XmlError` at the line it stopped on. */
export function stopAt(error: Error, context: ContextGetter): never {
  throw new XmlError(error.message, context().line + 1);
}
