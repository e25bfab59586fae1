"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * An element's inner size in px, kept current as the layout resizes it (1024 × 384 until it is first
 * measured). Read from a ResizeObserver, after layout: reading it while React commits would force a
 * layout in the middle of the task that mounts the grid.
 */
export function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 1024, height: 384 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
