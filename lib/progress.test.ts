import { describe, expect, it } from "vitest";
import { describeProgress, formatDuration, progressOf } from "./progress";

describe("describeProgress", () => {
  it("says how far, how fast and how long is left", () => {
    expect(describeProgress({ phase: "Checksumming", done: 50 * 1024 * 1024, total: 100 * 1024 * 1024, unit: "bytes" }, 2000)).toBe(
      "Checksumming: 50 MB of 100 MB (50%), 25 MB/s, about 2 s left",
    );
    expect(describeProgress({ phase: "Writing Parquet", done: 30000, total: 120000, unit: "rows" }, 1500)).toBe(
      "Writing Parquet: 30,000 rows of 120,000 rows (25%), 20,000 rows/s, about 5 s left",
    );
  });

  it("leaves out the rate until there is enough to measure, and the estimate without a total", () => {
    expect(describeProgress({ phase: "Running the recipe", done: 0, unit: "rows" }, 5000)).toBe("Running the recipe: 0 rows");
    expect(describeProgress({ phase: "Reading", done: 1024, unit: "bytes" }, 100)).toBe("Reading: 1.0 KB");
    expect(describeProgress({ phase: "Reading", done: 2048, unit: "bytes" }, 1000)).toBe("Reading: 2.0 KB, 2.0 KB/s");
  });
});

describe("describeProgress of a run in steps", () => {
  it("says which step of how many, and for how long it has run", () => {
    expect(describeProgress({ phase: "Checking rules", done: 0, total: 5, unit: "steps" }, 300)).toBe("Checking rules (step 1 of 5)");
    expect(describeProgress({ phase: "Counting", done: 4, total: 5, unit: "steps" }, 12_400)).toBe("Counting (step 5 of 5), 12 s so far");
    expect(describeProgress({ phase: "Reading into DuckDB", done: 0, unit: "steps" }, 7_000)).toBe("Reading into DuckDB, 7 s so far");
  });

  it("estimates what is left from the last run of the same work", () => {
    expect(describeProgress({ phase: "Applying steps", done: 1, total: 5, unit: "steps" }, 12_000, 40_000)).toBe(
      "Applying steps (step 2 of 5), 12 s so far, about 28 s left (the last run took 40 s)",
    );
    expect(describeProgress({ phase: "Counting", done: 4, total: 5, unit: "steps" }, 45_000, 40_000)).toBe(
      "Counting (step 5 of 5), 45 s so far, longer than the last run (40 s)",
    );
    expect(describeProgress({ phase: "Checking rules", done: 0, total: 5, unit: "steps" }, 200, 300)).toBe("Checking rules (step 1 of 5)");
  });
});

describe("formatDuration", () => {
  it("rounds to seconds and minutes", () => {
    expect(formatDuration(0.2)).toBe("1 s");
    expect(formatDuration(42.4)).toBe("42 s");
    expect(formatDuration(125)).toBe("2 min 5 s");
  });
});

describe("progressOf", () => {
  const p = { phase: "Writing CSV", done: 2, total: 2, unit: "rows" } as const;
  const first = new AbortController();
  it("puts the progress on the task still shown", () => {
    expect(progressOf(first, p)({ controller: first, progress: null })).toEqual({ controller: first, progress: p });
  });
  it("drops an update that arrives after its task finished or another began", () => {
    expect(progressOf(first, p)(null)).toBeNull();
    const other = { controller: new AbortController(), progress: null };
    expect(progressOf(first, p)(other)).toBe(other);
  });
});
