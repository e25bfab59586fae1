// Runs in the page before its own scripts: the moment "Engine ready" first shows, from the start of the
// navigation (performance.now() counts from it). Polling for the text from outside would add its own delay,
// and reading `innerText` would force a layout at every change of the page (150 ms in a fresh profile, while
// the HTML is parsed): `textContent` does not (the page's HTML holds no "Engine ready" before it is).
// It also notes when the page's controls are live (React has attached its handlers to the file input):
// from then on a dropped file is taken, and its checksum and copy start while the engine still starts.
function whenEngineReady() {
  const live = () => {
    const input = document.querySelector('input[type="file"]');
    if (input && Object.keys(input).some((key) => key.startsWith("__reactProps"))) window.__usableAt = performance.now();
    else requestAnimationFrame(live);
  };
  requestAnimationFrame(live);
  new MutationObserver((_, observer) => {
    if (!document.body?.textContent?.includes("Engine ready")) return;
    window.__engineReadyAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** When the engine was ready and the controls live in the page just loaded (seconds from its navigation). */
async function marks(page) {
  await page.waitForFunction(() => window.__engineReadyAt !== undefined && window.__usableAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => ({ ready: window.__engineReadyAt / 1000, usable: window.__usableAt / 1000 }));
}

/**
 * A browser just launched does start-up work of its own for a few seconds (traced on 2026-12-03: a renderer
 * for its omnibox popup took 1.1 s of CPU in the app's first 1.9 s, on a machine of two cores). A user's
 * browser has done it long before they open a link: the first visit waits for it to end.
 */
const BROWSER_SETTLES_MS = 3000;

/**
 * The starts of the app at `url` in `page` (a fresh profile, the browser settled): cold, then `reloads` warm starts once the
 * service worker has kept the build (it starts after the engine, so as not to compete with the first
 * load) and answers from its cache; with the moment the page's controls were live in each warm start.
 */
export async function timeStarts(page, url, reloads) {
  await page.addInitScript(whenEngineReady);
  await page.waitForTimeout(BROWSER_SETTLES_MS);
  await page.goto(url);
  const cold = (await marks(page)).ready;
  await page.evaluate(async () => {
    await navigator.serviceWorker?.ready;
    while (navigator.serviceWorker && !navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
  });
  const warm = [];
  const usable = [];
  for (let i = 0; i < reloads; i++) {
    const started = await timeReload(page);
    warm.push(started.ready);
    usable.push(started.usable);
  }
  return { cold, warm, usable };
}

/** One more warm start of the page `timeStarts` loaded: when the engine was ready and the controls live. */
export async function timeReload(page) {
  await page.reload();
  return marks(page);
}
