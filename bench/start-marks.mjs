// Runs in the page before its own scripts: the moment "Engine ready" first shows, from the start of the
// navigation (performance.now() counts from it). Polling for the text from outside would add its own delay.
// It also notes when the page's controls are live (React has attached its handlers to the file input):
// from then on a dropped file is taken, and its checksum and copy start while the engine still starts.
export function whenEngineReady() {
  const live = () => {
    const input = document.querySelector('input[type="file"]');
    if (input && Object.keys(input).some((key) => key.startsWith("__reactProps"))) window.__usableAt = performance.now();
    else requestAnimationFrame(live);
  };
  requestAnimationFrame(live);
  new MutationObserver((_, observer) => {
    if (!document.body?.innerText.includes("Engine ready")) return;
    window.__engineReadyAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, characterData: true });
}
