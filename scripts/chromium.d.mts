/** See chromium.mjs. */
export declare const launchOptions: { executablePath: string | undefined; args: string[]; ignoreDefaultArgs: string[] };
