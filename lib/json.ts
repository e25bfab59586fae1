/** JSON text as data, or undefined when it is not valid JSON (a reason is the caller's to give). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
