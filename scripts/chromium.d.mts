/** See chromium.mjs. */
export declare const executablePath: string | undefined;
/** See chromium.mjs. */
export declare const args: string[];
/** See chromium.mjs. */
export declare const ignoreDefaultArgs: string[];
/** See chromium.mjs. */
export declare const launchOptions: { executablePath: string | undefined; args: string[]; ignoreDefaultArgs: string[] };
