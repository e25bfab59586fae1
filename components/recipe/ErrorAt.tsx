import type { StagesError } from "@/lib/result";

/** The last run's error, shown at the rule or step it belongs to. */
export function ErrorAt({ error, part, index }: { error: StagesError | null; part: "rule" | "step"; index: number }) {
  if (error?.at?.part !== part || error.at.index !== index) return null;
  return (
    <p role="alert" className="mt-1 text-xs text-danger">
      {error.message}
    </p>
  );
}
