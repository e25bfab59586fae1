/**
 * Run `work` in a task of its own once the browser is idle (within `timeoutMs`);
 * returns a function that calls it off. Where `requestIdleCallback` is missing
 * (Safari), a zero-delay timer stands in.
 */
export function whenIdle(work: () => void, timeoutMs = 500): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}
