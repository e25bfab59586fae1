// The app's own engine API, driven in Chromium: each step timed, with the
// longest main-thread task seen during it (PerformanceObserver "longtask").
// The recipe it runs is bench/flow-recipe.ts, passed in by bench/run.mjs.
/** Runs in the page: fetches the file (untimed), then times each engine call. */
export async function runFlow({ fileUrl, fileName, rules, transform }) {
  const engine = window.stages.engine;
  let longest = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration)))).observe({ type: "longtask", buffered: false });
  // What held the main thread: the longest animation frame over 50 ms in the step, by its longest script.
  let frame = null;
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => {
      if (frame && frame.ms >= e.duration) return;
      const script = [...e.scripts].sort((a, b) => b.duration - a.duration)[0];
      const source = script ? `${script.invoker}${script.sourceFunctionName ? ` ${script.sourceFunctionName}` : ""} (${script.sourceURL.split("/").pop() || "inline"})` : "rendering";
      frame = { ms: Math.round(e.duration), script: source, scriptMs: Math.round(script?.duration ?? 0), forcedLayoutMs: Math.round(script?.forcedStyleAndLayoutDuration ?? 0) };
    }),
  ).observe({ type: "long-animation-frame", buffered: false });
  const file = new File([await (await fetch(fileUrl)).blob()], fileName, { type: "text/csv" });
  const steps = {};
  const step = async (name, work) => {
    longest = 0;
    frame = null;
    let t0 = performance.now();
    let result = await work();
    let restarted = false;
    if (result && result.ok === false && result.error.fatal) {
      console.log(`bench: ${name}: ${result.error.message}`);
      // The engine ran out of memory and restarts (as a user would see it); the user's retry is what is timed.
      restarted = true;
      await new Promise((r) => setTimeout(r, 1000));
      longest = 0;
      frame = null;
      t0 = performance.now();
      result = await work();
    }
    await new Promise((r) => setTimeout(r, 60));
    if (result && result.ok === false) throw new Error(`${name}: ${result.error.message}`);
    steps[name] = { seconds: (performance.now() - t0 - 60) / 1000, longTaskMs: longest, longFrame: frame, restarted };
    console.log(`bench: ${name}: ${steps[name].seconds.toFixed(2)} s${restarted ? " (after an engine restart)" : ""}`);
    return result;
  };
  const dropped = performance.now();
  let firstRows = null;
  const onPreview = window.stages.callback(() => (firstRows ??= (performance.now() - dropped) / 1000));
  const staged = await step("stage (checksum, IndexedDB, DuckDB read)", () => engine.stageFile(file, crypto.randomUUID(), undefined, onPreview));
  const source = { kind: "staged", fileId: staged.value.id };
  await step("first rows (a page of 100)", () => engine.page(source, { offset: 0, limit: 100 }));
  await step("a page at the end", () => engine.page(source, { offset: staged.value.rowCount - 100, limit: 100 }));
  await step("scroll the staged grid (20 jumps over the whole table)", async () => {
    // The UI shows the newest staged file: the grid pages rows in from the worker as it scrolls.
    const grid = document.querySelector('[role="grid"][aria-label="Staged data"]');
    if (!grid) throw new Error("The Staged data grid is not on the page.");
    for (let i = 1; i <= 20; i++) {
      grid.scrollTop = (grid.scrollHeight * i) / 20;
      await new Promise((r) => setTimeout(r, 150));
    }
    return { ok: true };
  });
  // The page profiles a file once it is staged, and the engine keeps profiles: wait for the page's own, forget it, and time one.
  await engine.profile(source, "full");
  await engine.forgetProfile(source);
  await step("profile (all columns)", () => engine.profile(source, "full"));
  const base = { version: 1, rules, steps: [], sql: null };
  await step("validate (10 rules, one pass)", () => engine.runRecipe(staged.value.id, base, crypto.randomUUID()));
  // Review and fix in place: the rows with errors, as the grid asks for them; then one cell edited, and the rules run again.
  const checked = { ...source, checkedBy: "bench" };
  const onlyErrors = { conditions: [], only: "errors" };
  await step("only rows with errors (a view, and its first page with the issues)", async () => {
    const view = await engine.openView(checked, onlyErrors);
    return view.ok ? engine.page(checked, { offset: 0, limit: 100, view: onlyErrors }) : view;
  });
  const text = staged.value.columns.find((c) => /^VARCHAR/.test(c.type)) ?? staged.value.columns[0];
  const edit = { row: 2, column: text.name, from: null, to: "fixed by hand", at: new Date().toISOString() };
  await step("edit a cell and check again (the run with the edit)", () => engine.runRecipe(staged.value.id, { ...base, edits: [edit] }, crypto.randomUUID()));
  const recipe = { ...base, ...transform };
  await step("transform (3 steps + SQL aggregate)", () => engine.runRecipe(staged.value.id, recipe, crypto.randomUUID()));
  const name = `bench_${Date.now()}`;
  await step("promote (recipe + Parquet to OPFS)", () => engine.promote(staged.value.id, base, name, crypto.randomUUID()));
  await step("download as CSV (written to OPFS scratch)", () => engine.exportSource({ kind: "dataset", name, version: 1 }, "csv", { neutralizeFormulas: true }));
  // The same page again, once nothing else is running on the engine (right after staging, the UI's own run holds it).
  await step("a page at the end, engine idle", () => engine.page(source, { offset: staged.value.rowCount - 100, limit: 100 }));
  const estimate = await navigator.storage.estimate();
  await engine.removeStaged(staged.value.id);
  await engine.deleteVersion(name, 1);
  return { steps, firstRows, rows: staged.value.rowCount, storageBytes: estimate.usage ?? 0 };
}

/**
 * Runs in the page: Papa Parse in a Web Worker, header + dynamicTyping. Rows
 * are kept up to 300 MB; above that, keeping them exhausts the worker's heap,
 * so rows are only counted (as most importers that stream would).
 */
export async function runPapa({ fileUrl, papaSource }) {
  const blob = await (await fetch(fileUrl)).blob();
  const keep = blob.size <= 300 * 2 ** 20;
  const code = `${papaSource}
self.onmessage = (e) => { const t0 = performance.now(); let rows = 0;
  const done = (r) => self.postMessage({ seconds: (performance.now() - t0) / 1000, rows: r ? r.data.length : rows, kept: ${keep} });
  Papa.parse(e.data, ${keep} ? { header: true, dynamicTyping: true, complete: done } : { header: true, dynamicTyping: true, step: () => { rows++; }, complete: () => done() }); };`;
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
  const result = await new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.postMessage(blob);
  });
  worker.terminate();
  return result;
}
