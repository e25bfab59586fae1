/**
 * Counting the lines of CSV text as it streams by: every line end (LF, CRLF
 * or a lone CR) ends a line, and a last line without an end still counts.
 * Blank lines are counted too: readers skip them, and the accounting of a
 * staged file must say where every line went.
 */
export interface LineCount {
  lines: number;
  blank: number;
}

export class LineCounter {
  private lines = 0;
  private blank = 0;
  /** Bytes seen since the last line end (0: at the start of a line). */
  private lineBytes = 0;
  private lineHasText = false;
  private afterCr = false;

  update(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) {
        if (this.afterCr) {
          this.afterCr = false;
          continue;
        }
        this.endLine();
      } else if (b === 0x0d) {
        this.endLine();
        this.afterCr = true;
      } else {
        this.afterCr = false;
        this.lineBytes++;
        if (b !== 0x20 && b !== 0x09) this.lineHasText = true;
      }
    }
  }

  private endLine(): void {
    this.lines++;
    if (!this.lineHasText) this.blank++;
    this.lineBytes = 0;
    this.lineHasText = false;
  }

  result(): LineCount {
    const open = this.lineBytes > 0;
    return { lines: this.lines + (open ? 1 : 0), blank: this.blank + (open && !this.lineHasText ? 1 : 0) };
  }
}

/** Split text into lines without their ends; a final line end adds no empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
