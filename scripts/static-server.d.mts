/** See static-server.mjs. */
export declare const serveArgs: (dir: string, port: number | string) => string[];
/** See static-server.mjs. */
export declare function serve(dir: string, port: number): Promise<{ url: string; stop: () => void }>;
