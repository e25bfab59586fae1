/**
 * What the service worker keeps for offline use, and which cached entry answers a request.
 * Pure: the build lists the site's files (scripts/service-worker.mjs), the worker asks `cachedPathFor`.
 */

/** Files of the build that are never precached: benchmark data, and pages nobody opens offline. */
const LEFT_OUT = [/^bench-data\//, /^404\.html$/, /^_not-found/, /^sw\.js$/];

/** One file of the build and the address it is cached under. */
export interface Precached {
  file: string;
  path: string;
}

/**
 * The site's files (relative to its root: `index.html`, `_next/static/…`) and the paths the worker
 * caches them under. Pages are cached under their clean address (`/`, `/embed`), which every static
 * host serves: some answer `page.html` with a redirect to `page`, and a redirected response cannot
 * answer a navigation.
 */
export function precacheList(files: readonly string[], basePath: string): Precached[] {
  return files
    .filter((file) => !LEFT_OUT.some((pattern) => pattern.test(file)))
    .map((file) => ({ file, path: `${basePath}/${file.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "")}` }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The cached path that answers a request for `pathname`: the same path, or the page's clean address
 * (`dir/index.html` and `dir` → `dir/`, `page.html` → `page`); null when the build has no such file
 * (the request then goes to the network).
 */
export function cachedPathFor(pathname: string, cached: ReadonlySet<string>): string | null {
  const candidates = [pathname, pathname.replace(/index\.html$/, ""), pathname.replace(/\.html$/, ""), `${pathname}/`];
  return candidates.find((path) => cached.has(path)) ?? null;
}

/** The name of the cache that holds one build: a new build gets a new cache, and the old one is removed. */
export const cacheName = (version: string) => `stages-${version}`;

/** Whether a cache belongs to Stages and is not the current build's. */
export const isStaleCache = (name: string, version: string) => name.startsWith("stages-") && name !== cacheName(version);
