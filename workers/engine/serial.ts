/** Run async work one at a time per key, in call order. */
const tails = new Map<string, Promise<unknown>>();

export function serial<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
  tails.set(key, run.catch(() => undefined));
  return run;
}
