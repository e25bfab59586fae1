import { describe, expect, it } from "vitest";
import type { RunSummary } from "@/lib/engine/api";
import { emptyRecipe } from "@/lib/recipe/schema";
import type { StagedFile } from "@/lib/staging/staged-file";
import { firstStep, fragmentOf, STEPS, stepOfFragment, stepStates } from "./steps";

const file = (patch: Partial<StagedFile> = {}): StagedFile => ({
  id: "f1",
  name: "orders.csv",
  size: 10,
  type: "text/csv",
  sha256: "00",
  addedAt: 0,
  sqlName: "orders",
  status: "ready",
  parse: { format: "csv" } as StagedFile["parse"],
  readCount: 1,
  rowCount: 60,
  columns: [{ name: "id", type: "BIGINT" }],
  ...patch,
});

const summary: RunSummary = {
  runId: "r1",
  rowsIn: 60,
  rejectedByRules: 4,
  warned: 2,
  rejected: 5,
  transformed: 55,
  final: 55,
  ruleCounts: [],
  tableFindings: [],
  stepSql: [],
  transformedColumns: [],
  finalColumns: [],
  rejectedColumns: [],
};

describe("step fragments", () => {
  it("round-trips every step through its fragment", () => {
    for (const step of STEPS) expect(stepOfFragment(fragmentOf(step))).toBe(step);
  });

  it("names no step for a share link's fragment, an empty one or an unknown one", () => {
    expect(stepOfFragment("#share=abc")).toBeNull();
    expect(stepOfFragment("")).toBeNull();
    expect(stepOfFragment("#Validate ")).toBeNull();
  });
});

describe("firstStep", () => {
  it("opens a file still being read, or one that failed, on Stage", () => {
    expect(firstStep(file({ status: "reading" }))).toBe("stage");
    expect(firstStep(file({ status: "error" }))).toBe("stage");
  });

  it("opens a cleanly read file on Validate", () => {
    expect(firstStep(file())).toBe("validate");
  });

  it("opens on Stage when the read set lines aside, mended them or left a question open", () => {
    expect(firstStep(file({ badLines: 2 }))).toBe("stage");
    expect(firstStep(file({ ambiguousDates: { columns: ["d"], chosen: "DMY", alternative: "MDY" } }))).toBe("stage");
    const lines = { total: 10, preamble: 0, header: 1, notes: 0, blank: 0, setAside: 0, rowLines: 9, rows: 9, repaired: 1, balanced: true };
    expect(firstStep(file({ csv: { lines, setAside: [], repaired: [], typeFindings: [] } }))).toBe("stage");
    expect(firstStep(file({ csv: { lines: { ...lines, repaired: 0 }, setAside: [], repaired: [], typeFindings: [] } }))).toBe("validate");
    expect(firstStep(file({ sheetOrJsonFindings: [{ column: "price", type: "DOUBLE", values: [{ line: 14, value: "N/A" }] }] }))).toBe("stage");
  });
});

describe("stepStates", () => {
  it("counts what each step holds, and reconciles rows in with final and rejected", () => {
    const recipe = { ...emptyRecipe(), rules: [{ enabled: true }, { enabled: false }] } as unknown as Parameters<typeof stepStates>[1];
    const states = stepStates(file(), recipe, summary, null);
    expect(states.map((s) => s.name)).toEqual(["Stage", "Validate", "Transform", "Review", "Promote"]);
    expect(states[0]!.state).toBe("60 rows in staging");
    expect(states[1]!.state).toBe("1 rule: 4 rejected, 2 warned");
    expect(states[2]!.state).toBe("0 steps: 55 final rows");
    expect(states[3]!.state).toBe("60 in = 55 + 5 rejected");
    expect(states.map((s) => s.done)).toEqual([true, true, false, true, false]);
  });

  it("shows the promoted version once there is one", () => {
    const states = stepStates(file(), emptyRecipe(), summary, "orders v2");
    expect(states[4]).toMatchObject({ state: "in the destination as orders v2", done: true });
  });

  it("says the review waits for a run", () => {
    expect(stepStates(file(), undefined, null, null)[3]).toMatchObject({ state: "after the recipe runs", done: false });
  });
});
