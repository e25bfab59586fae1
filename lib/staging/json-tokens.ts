/** jsonc-parser's token kinds, as its scanner returns them (its SyntaxKind is a const enum, which isolated modules cannot read). */
export const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  string: 10,
  end: 17,
} as const;
