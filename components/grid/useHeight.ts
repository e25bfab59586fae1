"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * An element's height in px, kept current as the layout resizes it (384 until it is first measured).
 * Read from a ResizeObserver, after layout: reading it while React commits would force a layout in
 * the middle of the task that mounts the grid.
 */
export function useHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(384);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setHeight(Math.round(entry.contentRect.height)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
