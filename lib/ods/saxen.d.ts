/** The part of saxen's API (a SAX-style XML parser, https://github.com/nikku/saxen) that lib/ods uses. */
declare module "saxen" {
  export class Parser {
    ns(prefixes?: Record<string, string>): void;
    on(event: "openTag", handler: (name: string, attrs: () => Record<string, string>, decode: (s: string) => string, selfClosing: boolean) => void): void;
    on(event: "closeTag", handler: (name: string, decode: (s: string) => string, selfClosing: boolean) => void): void;
    on(event: "text", handler: (value: string, decode: (s: string) => string) => void): void;
    on(event: "error", handler: (error: Error) => void): void;
    parse(xml: string): void;
  }
}
