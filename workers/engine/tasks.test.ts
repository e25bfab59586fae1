import { describe, expect, it } from "vitest";
import { Cancelled, cancelWorkOn, endTask, throwIfCancelled, workingOn } from "./tasks";

describe("tasks on staged files", () => {
  it("removing a file cancels the tasks at work on it, and only those", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const onA = workingOn(["a"], "run-a", async () => {
      await held;
      throwIfCancelled("run-a");
      return "finished";
    });
    const onB = workingOn(["b", "c"], "run-b", async () => {
      await held;
      throwIfCancelled("run-b");
      return "finished";
    });
    cancelWorkOn("a");
    release();
    await expect(onA).rejects.toBeInstanceOf(Cancelled);
    await expect(onB).resolves.toBe("finished");
    endTask("run-a");
  });

  it("a task that starts on a file already being removed is cancelled from the start", async () => {
    cancelWorkOn("gone");
    await expect(workingOn(["kept", "gone"], "late", async () => throwIfCancelled("late"))).rejects.toBeInstanceOf(Cancelled);
    endTask("late");
    await expect(workingOn(["kept"], "other", async () => "ran")).resolves.toBe("ran");
  });
});
