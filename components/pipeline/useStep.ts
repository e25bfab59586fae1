"use client";

import { useCallback, useEffect, useState } from "react";
import { fragmentOf, stepOfFragment, type Step } from "@/lib/workspace/steps";

const current = (): Step | null => (typeof location === "undefined" ? null : stepOfFragment(location.hash));

/**
 * The workspace step the address names (`#validate`), or `fallback` when it
 * names none. Going to a step adds a history entry, so Back returns to the
 * step before; the router's own history state is carried into the new entry.
 */
export function useStep(fallback: Step): [Step, (step: Step) => void] {
  const [chosen, setChosen] = useState<Step | null>(current);
  useEffect(() => {
    const read = () => setChosen(current());
    window.addEventListener("popstate", read);
    window.addEventListener("hashchange", read);
    return () => {
      window.removeEventListener("popstate", read);
      window.removeEventListener("hashchange", read);
    };
  }, []);
  const go = useCallback((step: Step) => {
    if (current() !== step) history.pushState(history.state, "", fragmentOf(step));
    setChosen(step);
  }, []);
  return [chosen ?? fallback, go];
}
