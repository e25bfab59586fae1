/** The part of saxen's API (a SAX-style XML parser, https://github.com/nikku/saxen) that lib/xml and lib/ods use. */
declare module "saxen" {
  export type Decode = (s: string) => string;
  /** Where the parser is: `line` counts from 0. */
  export type ContextGetter = () => { line: number; column: number; data: string };
  export class Parser {
    ns(prefixes?: Record<string, string>): void;
    on(event: "openTag", handler: (name: string, attrs: () => Record<string, string>, decode: Decode, selfClosing: boolean) => void): void;
    on(event: "closeTag", handler: (name: string, decode: Decode, selfClosing: boolean) => void): void;
    on(event: "text", handler: (value: string, decode: Decode) => void): void;
    on(event: "cdata", handler: (value: string) => void): void;
    on(event: "error", handler: (error: Error, context: ContextGetter) => void): void;
    parse(xml: string): void;
  }
}
