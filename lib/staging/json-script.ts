/**
 * JSON inside a line of JavaScript: a JSONP answer (`callback([…]);`, what an API sends a `<script>` tag)
 * or an assignment (`var data = […];`, `window.DATA = {…}`, `module.exports = …`, `export default …`: the
 * data files of charts and web pages). The JavaScript around the JSON is blanked to spaces, line ends kept,
 * so that a fault in the JSON is still placed at its line and column.
 */
export type ScriptWrapper = "callback" | "assignment";

const NAME = String.raw`[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*`;
/** What comes before the JSON's opening bracket or brace; JSONP's callback may follow an empty comment (`/**\/`), as some APIs send it. */
const OPENING = new RegExp(String.raw`^\s*(?:(?<call>(?:\/\*\*\/\s*)?${NAME}\s*\()|(?:(?:var|let|const)\s+)?${NAME}\s*=|export\s+default\b)\s*(?=[[{])`);
const CALL_END = /\)\s*;?\s*$/;
const STATEMENT_END = /;?\s*$/;
const TAIL = 4096;

export function unwrapScript(text: string): { text: string; wrapper: ScriptWrapper } | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const call = opening.groups?.call !== undefined;
  // The end is looked for in the text's last characters only: the JSON may be hundreds of megabytes.
  const tail = Math.max(opening[0].length, text.length - TAIL);
  const end = (call ? CALL_END : STATEMENT_END).exec(text.slice(tail));
  if (!end) return null;
  const blank = (part: string) => part.replace(/[^\r\n]/g, " ");
  return {
    text: blank(opening[0]) + text.slice(opening[0].length, tail + end.index) + blank(end[0]),
    wrapper: call ? "callback" : "assignment",
  };
}

/** Whether a file's first bytes (as text) open JSON wrapped in JavaScript. */
export const opensWrappedJson = (head: string): boolean => OPENING.test(head);
