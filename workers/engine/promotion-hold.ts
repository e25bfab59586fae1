import { throwIfCancelled } from "./tasks";

/**
 * Fault hook for tests: the next promotion stops at `at`, resolving the promise when it is there: "writing",
 * after its first batch of rows, until it is cancelled; "commit", just before its manifest, for good.
 */
export type PromotionHold = "writing" | "commit";
let hold: { at: PromotionHold; reached: () => void } | null = null;
export function holdNextPromotion(at: PromotionHold): Promise<void> {
  return new Promise((reached) => (hold = { at, reached }));
}

export async function holdIfAsked(at: PromotionHold, taskId: string): Promise<void> {
  if (hold?.at !== at) return;
  hold.reached();
  hold = null;
  if (at === "commit") await new Promise<never>(() => undefined);
  for (;;) {
    throwIfCancelled(taskId);
    await new Promise((wait) => setTimeout(wait, 20));
  }
}
