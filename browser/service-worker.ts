/**
 * Registers the service worker that keeps the app for offline use (workers/service-worker.ts, built
 * into `sw.js`), in the production build only, once per page. `onUpdated` is called when a newer build
 * has taken over this page (its files change on the next load).
 */
let registered = false;

export function registerServiceWorker(onUpdated: () => void): void {
  if (registered || process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  registered = true;
  const base = process.env.NEXT_PUBLIC_BASE_PATH ?? "";
  // The first worker taking control of a page is not an update; any later one is.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (controlled) onUpdated();
    controlled = true;
  });
  // A failed registration (a host that does not serve sw.js, a private window) leaves the app as it was: online only.
  navigator.serviceWorker.register(`${base}/sw.js`, { scope: `${base}/` }).catch(() => undefined);
}
