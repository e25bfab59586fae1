import { formatCount } from "@/lib/format";
import type { ColumnProfile } from "./sql";

/** A column's shape at a glance: bar heights (0 to 1) and what they show in words. */
export interface Spark {
  bars: number[];
  says: string;
}

/** Most common values shown in a spark. */
const TOP = 8;

/** A histogram for numbers, the most common values for the rest; none for a column of all-different values. */
export function sparkOf(profile: ColumnProfile): Spark | null {
  const counts = profile.histogram ? profile.histogram.map((b) => b.n) : profile.allDistinct ? [] : profile.top.slice(0, TOP).map((t) => t.n);
  const most = Math.max(0, ...counts);
  if (counts.length < 2 || most === 0) return null;
  const says = profile.histogram
    ? `${profile.name}: ${formatCount(profile.histogram.length)} bins from ${profile.min} to ${profile.max}`
    : `${profile.name}, most common: ${profile.top
        .slice(0, 3)
        .map((t) => `${t.value ?? "null"} (${formatCount(t.n)})`)
        .join(", ")}`;
  return { bars: counts.map((n) => n / most), says };
}
