import { fixedWidthConverter } from "@/lib/csv/fixed-width";

/**
 * Fixed-width text as CSV text, line for line (a blank line stays blank, so every line keeps its number),
 * read a piece at a time: the CSV reader then reads it as it reads any file.
 */
export async function fixedWidthCsv(text: Blob, starts: readonly number[]): Promise<Blob> {
  const parts: string[] = [];
  let rest = "";
  const convert = fixedWidthConverter(starts);
  const emit = (line: string) => parts.push(convert(line));
  const reader = text.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const lines = (rest + next.value).split("\n");
    rest = lines.pop()!;
    lines.forEach(emit);
  }
  if (rest !== "") emit(rest);
  return new Blob(parts);
}
