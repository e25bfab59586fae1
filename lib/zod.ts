import { z } from "zod";

/**
 * Zod, configured once for every module that defines a schema: parsers are not compiled with
 * `new Function`, which the site's Content-Security-Policy refuses (zod probes for it on first use,
 * and Firefox reports the refused probe as a page error).
 */
z.config({ jitless: true });

export { z };
