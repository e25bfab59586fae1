import { describe, expect, it } from "vitest";
import { otherReadyFiles } from "./staged-file";

describe("otherReadyFiles", () => {
  it("keeps the other files that are ready and were read with columns", () => {
    const columns = [{ name: "a", type: "VARCHAR" }];
    const files = [
      { id: "own", status: "ready" as const, columns },
      { id: "b", status: "ready" as const, columns },
      { id: "c", status: "reading" as const, columns: undefined },
      { id: "d", status: "error" as const, columns: undefined },
      { id: "e", status: "ready" as const, columns: undefined },
    ];
    expect(otherReadyFiles(files, "own").map((f) => f.id)).toEqual(["b"]);
  });
});
