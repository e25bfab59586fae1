/** See static-server.mjs. */
export declare const serveArgs: (dir: string, port: number | string) => string[];
