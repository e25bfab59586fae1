import { z } from "@/lib/zod";

/** What changed between what a recipe expects and a file, once its columns are matched (kept with the file, and in the manifest of a version promoted from it). */
export const driftSchema = z.object({
  added: z.array(z.string()),
  missing: z.array(z.string()),
  retyped: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  renamed: z.array(z.object({ from: z.string(), to: z.string() })),
  read: z.array(z.object({ option: z.string(), from: z.string(), to: z.string() })),
});
export type Drift = z.infer<typeof driftSchema>;
