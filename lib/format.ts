/** Display formatting shared by the UI. */
const UNITS = ["B", "KB", "MB", "GB", "TB"];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

// One formatter each, made on first use or by `makeFormatters`: `toLocaleString` builds a new one on every
// call, which showed up in render profiles, and making them while the page loads delayed the engine's start.
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const TIME_PARTS = { hour: "numeric", minute: "numeric", second: "numeric" } as const;
const count = once(() => new Intl.NumberFormat("en-US"));
const time = once(() => new Intl.DateTimeFormat(undefined, TIME_PARTS));
const dateTime = once(() => new Intl.DateTimeFormat(undefined, { year: "numeric", month: "numeric", day: "numeric", ...TIME_PARTS }));

/**
 * Make the formatters ahead of their first use. The first date formatter is costly (the browser loads its
 * locale and time zone data: 45 ms in a CPU profile on a slow day), and its first use was in the render
 * of a newly staged file's workspace, a main-thread task already near 50 ms; the page calls this in an
 * idle moment once the engine has started.
 */
export function makeFormatters(): void {
  count();
  time();
  dateTime();
}

export const formatCount = (n: number): string => count().format(n);

/** A moment's time of day in the user's locale: "10:15:30 AM". */
export const formatTime = (at: string | number): string => time().format(new Date(at));

/** A moment in the user's locale: "11/26/2026, 10:15:30 AM". */
export const formatDateTime = (at: string | number): string => dateTime().format(new Date(at));

export const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;

export const shortHash = (sha256: string): string => sha256.slice(0, 12);
