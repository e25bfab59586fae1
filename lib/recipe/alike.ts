import type { Rule, Step } from "./schema";

/** What a rule or step does, whatever its id, severity or switch (keys in order, unset ones left out). */
const doing = (item: Rule | Step): string =>
  JSON.stringify(
    Object.entries(item)
      .filter(([key, value]) => !["id", "severity", "enabled"].includes(key) && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/**
 * Whether rules (or steps) are like one of `items`: a rule that checks what one of them checks (a suggestion already
 * taken), a step that does what one of them does. Each asks a set, as a thousand findings ask of a thousand rules.
 */
export function alikeIn<T extends Rule | Step>(items: readonly T[]): (item: T) => boolean {
  const done = new Set(items.map(doing));
  return (item) => done.has(doing(item));
}

/** Of `items`, those like none of `taken` nor of the items before them: what adding them all adds. */
export function unlikeIn<T extends Rule | Step>(items: readonly T[], taken: readonly T[]): T[] {
  const done = new Set(taken.map(doing));
  return items.filter((item) => {
    const key = doing(item);
    if (done.has(key)) return false;
    done.add(key);
    return true;
  });
}
