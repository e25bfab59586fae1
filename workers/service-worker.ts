/// <reference lib="webworker" />
/**
 * The service worker (built into `sw.js` by scripts/service-worker.mjs, which fills in STAGES_BUILD):
 * it keeps every file of the build, DuckDB's and parquet-wasm's wasm included, so the app opens with
 * no network after the first visit. A new build installs beside the old one, takes over at once and
 * removes the old cache; the page says so (browser/service-worker.ts). Requests to other hosts, and to
 * files the build does not have, go to the network untouched.
 */
import { cachedPathFor, cacheName, isStaleCache } from "@/lib/offline/precache";

declare const STAGES_BUILD: { version: string; paths: string[] };
declare const self: ServiceWorkerGlobalScope;

const cache = cacheName(STAGES_BUILD.version);
const cached = new Set(STAGES_BUILD.paths);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cache)
      .then((c) => c.addAll(STAGES_BUILD.paths))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => isStaleCache(name, STAGES_BUILD.version)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const path = cachedPathFor(url.pathname, cached);
  if (!path) return;
  event.respondWith(
    caches
      .open(cache)
      .then((c) => c.match(path))
      .then((response) => (response ? answer(event.request, response) : fetch(event.request))),
  );
});

/**
 * The cached response as it is, or, for a worker's script or a response that came through a redirect, a
 * new Response of the same body and headers. A new Response has no URL of its own, so the worker it
 * starts keeps the URL it was asked with: Turbopack's workers read their chunk list from their URL's
 * fragment, which the cached entry's URL lacks. And a redirected response (a host sending `page.html` to
 * `page`) cannot answer a navigation.
 */
function answer(request: Request, response: Response): Response {
  if (request.destination !== "worker" && !response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
