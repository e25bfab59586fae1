import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False while the page is its static HTML (and as React attaches to it), true from then on. A control the static page
 * shows is disabled until then: a click on it would reach no handler and be lost.
 */
export const useHydrated = (): boolean => useSyncExternalStore(never, () => true, () => false);
