// The benchmark's report (docs/BENCHMARKS.md) from the runs bench/run.mjs collected.
import os from "node:os";
import { renderBare } from "./bare.mjs";
import { renderFormats } from "./formats.mjs";

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Per step: the app beside the same SQL in native DuckDB and in a bare DuckDB-WASM (bench/yardstick.ts).
 * A ratio is the app's speed as a share of the other's: 0.5× means the app takes twice as long.
 */
function renderYardstick(r, mbs) {
  const med = (runs, name) => {
    const xs = runs.filter((x) => x && x[name] !== undefined).map((x) => x[name]);
    return xs.length ? median(xs) : null;
  };
  const cell = (x) => (x === null ? "—" : x.toFixed(2));
  const ratio = (other, app) => (other === null ? "—" : `${(other / app).toFixed(2)}×`);
  const names = Object.keys(r.flows[0]?.steps ?? {}).filter((n) => r.steps.native1.some((x) => x[n] !== undefined));
  const bareError = r.steps.bare.map((b) => b?.error).find(Boolean);
  const nativeError = [...r.steps.native1, ...r.steps.nativeAll].map((n) => n?.error).find(Boolean);
  const lines = [
    `| step, same SQL (bench/yardstick.ts) | Stages (s) | MB/s | native, 1 thread (s) | native, ${os.cpus().length} threads (s) | bare DuckDB-WASM (s) | Stages ÷ native 1 thread | Stages ÷ bare DuckDB-WASM |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const verdicts = [];
  for (const name of names) {
    const app = median(r.flows.map((f) => f.steps[name].seconds));
    const n1 = med(r.steps.native1, name);
    lines.push(`| ${name} | ${app.toFixed(2)} | ${(mbs / app).toFixed(0)} | ${cell(n1)} | ${cell(med(r.steps.nativeAll, name))} | ${cell(med(r.steps.bare, name))} | ${ratio(n1, app)} | ${ratio(med(r.steps.bare, name), app)} |`);
    verdicts.push(verdict(n1 !== null && n1 / app >= 0.5, `${name.split(" (")[0]} ≥ 0.5× native DuckDB, 1 thread, same SQL: ${ratio(n1, app)}`));
  }
  if (bareError) lines.push("", `The bare DuckDB-WASM run did not complete: ${bareError}`);
  const inMemoryError = r.steps.bare.map((b) => b?.opfs).find(Boolean);
  if (inMemoryError) lines.push("", `The bare DuckDB-WASM ran in a database file in OPFS, as the app's engine does (its CSV download written to an OPFS file): in memory it did not fit (${inMemoryError}).`);
  if (nativeError) lines.push("", `A native DuckDB run did not complete: ${nativeError}`);
  lines.push("", "Steps at their speed against the same SQL:", "", ...verdicts);
  return lines;
}

/** Staging per megabyte across the shapes of one size: the target is no shape slower than 1.5× the fastest. */
function renderShapes(report) {
  const lines = [];
  for (const mb of [...new Set(report.map((r) => r.mb))]) {
    const done = report.filter((r) => r.mb === mb && r.flows.length > 0);
    if (done.length < 2) continue;
    const rate = (r) => r.bytes / 2 ** 20 / median(r.flows.map((f) => f.steps["stage (checksum, IndexedDB, DuckDB read)"].seconds));
    const fastest = Math.max(...done.map(rate));
    // The same per megabyte for native DuckDB on the same files: how much of the spread is DuckDB's own parser.
    const nativeRate = (r) => (r.native1.length ? r.bytes / 2 ** 20 / median(r.native1) : NaN);
    const nativeFastest = Math.max(...done.map(nativeRate).filter((x) => !Number.isNaN(x)));
    const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "—");
    lines.push(
      `## Staging ${mb} MB files of each shape`,
      "",
      "| shape | columns | rows | stage (s) | MB/s | slower per MB than the fastest shape | native DuckDB, 1 thread (s) | native: slower per MB than its fastest shape | Stages ÷ native 1 thread |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const r of done) {
      const stage = median(r.flows.map((f) => f.steps["stage (checksum, IndexedDB, DuckDB read)"].seconds));
      const native = r.native1.length ? median(r.native1) : NaN;
      lines.push(
        `| ${r.shape} | ${r.columns} | ${r.rows.toLocaleString("en-US")} | ${stage.toFixed(2)} | ${rate(r).toFixed(0)} | ${(fastest / rate(r)).toFixed(2)}× | ${Number.isNaN(native) ? "—" : native.toFixed(2)} | ${times(nativeFastest / nativeRate(r))} | ${times(native / stage)} |`,
      );
    }
    const worst = Math.max(...done.map((r) => fastest / rate(r)));
    const nativeWorst = Math.max(...done.map((r) => nativeFastest / nativeRate(r)).filter(Number.isFinite));
    lines.push(
      "",
      verdict(worst <= 1.5, `no shape stages slower per megabyte than 1.5× the fastest: ${worst.toFixed(2)}×`),
      ...(Number.isFinite(nativeWorst) ? [`- native DuckDB (1 thread, the same read into memory) on the same files: its slowest shape per megabyte is ${nativeWorst.toFixed(2)}× its fastest`] : []),
      "",
    );
  }
  return lines;
}

const verdict = (met, text) => `- ${met ? "met" : "**missed**"}: ${text}`;

/** The flow a user goes through, step by step: the sum of the steps' medians. */
const FLOW = ["stage (checksum, IndexedDB, DuckDB read)", "profile (all columns)", "validate (10 rules, one pass)", "transform (3 steps + SQL aggregate)", "promote (recipe + Parquet to OPFS)", "download as CSV (written to OPFS scratch)"];
const flowSeconds = (r) => FLOW.reduce((sum, n) => sum + median(r.flows.map((f) => f.steps[n]?.seconds ?? 0)), 0);

export function render(report, chromiumVersion) {
  const cpu = os.cpus();
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, Chromium ${chromiumVersion} (headless), DuckDB-WASM 1.32.0, native DuckDB via @duckdb/node-api 1.5. Figures are medians of the runs given per size; each browser run is a fresh Chromium profile on disk (as a user's; an off-the-record context would keep IndexedDB and OPFS in memory). No test asserts a time.`,
    "",
    "The app is driven through its own engine API (`window.stages.engine`, in a site built with `STAGES_TEST_HOOKS=1`, which changes nothing else), exactly as the UI calls it. The file is fetched into the page before timing starts. \"Longest task\" is the longest main-thread task (PerformanceObserver `longtask`, 50 ms and up) seen during the step; 0 means none.",
    "",
  ];
  const whole = report.filter((r) => r.flows.length > 0 && !r.failure).map((r) => r.mb);
  lines.push(`Largest file that went through the whole flow (stage, validate, transform, promote, download): ${whole.length ? `${Math.max(...whole)} MB` : "none"}.`, "");
  lines.push(...renderShapes(report));
  lines.push(...renderFormats(report, median));
  for (const r of report) {
    const mbs = r.bytes / 2 ** 20;
    if (r.failure && r.flows.length === 0) {
      lines.push(
        `## ${Math.round(mbs)} MB CSV (${r.shape}), ${r.rows.toLocaleString("en-US")} rows, ${r.columns} columns: did not go through the whole flow`,
        "",
        `It stopped with: ${r.failure.message}`,
        "",
        "Steps done before it stopped:",
        "",
        ...r.failure.steps.map((s) => `- ${s}`),
        "",
        `Peak renderer memory (sum of Chromium renderer RSS): ${(r.failure.peak / 2 ** 30).toFixed(2)} GiB.` +
          (r.native1?.length ? ` Native DuckDB on the same file, 1 thread: ${median(r.native1).toFixed(2)} s; ${os.cpus().length} threads: ${median(r.nativeAll).toFixed(2)} s.` : ""),
        "",
        ...renderBare(r.bares, Number(/^stage[^:]*: ([\d.]+) s/.exec(r.failure.steps.find((x) => x.startsWith("stage")) ?? "")?.[1] ?? NaN), mbs, median),
        "",
      );
      continue;
    }
    const names = Object.keys(r.flows[0].steps);
    lines.push(`## ${Math.round(mbs)} MB CSV (${r.shape}), ${r.rows.toLocaleString("en-US")} rows, ${r.columns} columns (median of ${r.runs} run${r.runs > 1 ? "s" : ""})`, "", "| step | seconds | MB/s | longest main-thread task (ms) | renderer memory peak during the step (GiB) |", "| --- | --- | --- | --- | --- |");
    for (const n of names) {
      const s = median(r.flows.map((f) => f.steps[n].seconds));
      const t = Math.max(...r.flows.map((f) => f.steps[n].longTaskMs));
      const restarts = r.flows.filter((f) => f.steps[n].restarted).length;
      const peak = Math.max(...r.flows.map((f) => f.steps[n].peak ?? 0)) / 2 ** 30;
      lines.push(`| ${n}${restarts ? ` (in ${restarts} of ${r.flows.length} runs the engine ran out of memory first and restarted; the retry is timed)` : ""} | ${s.toFixed(2)} | ${n.startsWith("stage") || n.startsWith("profile") || n.startsWith("validate") || n.startsWith("promote") || n.startsWith("download") ? (mbs / s).toFixed(0) : "—"} | ${t.toFixed(0)} | ${peak.toFixed(2)} |`);
    }
    const frames = r.flows.flatMap((f, run) => names.flatMap((n) => (f.steps[n].longFrame ? [{ n, run: run + 1, ...f.steps[n].longFrame }] : [])));
    lines.push(
      "",
      frames.length
        ? `Animation frames over 50 ms (Long Animation Frames API), by their longest script: ${frames.map((x) => `${x.n}, run ${x.run}: ${x.ms} ms, ${x.script} ${x.scriptMs} ms of it, ${x.forcedLayoutMs} ms forced layout`).join("; ")}.`
        : `No animation frame over 50 ms in any step of ${r.flows.length === 1 ? "the one run" : `the ${r.flows.length} runs`} (Long Animation Frames API).`,
    );
    const stage = median(r.flows.map((f) => f.steps["stage (checksum, IndexedDB, DuckDB read)"].seconds));
    const refs = r.native1.length > 0;
    const n1 = refs ? median(r.native1) : NaN;
    const nAll = refs ? median(r.nativeAll) : NaN;
    const papa = refs ? median(r.papa.map((p) => p.seconds)) : NaN;
    lines.push(
      "",
      ...(refs
        ? [
            "| reference, same file | seconds | MB/s | stage in Stages relative to it |",
            "| --- | --- | --- | --- |",
            `| native DuckDB, 1 thread, CREATE TABLE AS read_csv | ${n1.toFixed(2)} | ${(mbs / n1).toFixed(0)} | ${(n1 / stage).toFixed(2)}× its speed |`,
            `| native DuckDB, ${os.cpus().length} threads | ${nAll.toFixed(2)} | ${(mbs / nAll).toFixed(0)} | ${(nAll / stage).toFixed(2)}× its speed |`,
            `| Papa Parse 5 in a Web Worker (header, dynamicTyping, rows ${r.papa[0].kept ? "kept" : "counted, not kept"}) | ${papa.toFixed(2)} | ${(mbs / papa).toFixed(0)} | ${(papa / stage).toFixed(2)}× faster than it |`,
            "",
            ...renderBare(r.bares, stage, mbs, median),
            "",
            ...(r.steps ? renderYardstick(r, mbs) : []),
          ]
        : ["The references (native DuckDB, Papa Parse, bare DuckDB-WASM) were not run (`--app-only`)."]),
      "",
      r.failure ? `One run did not complete, and is not in the medians: ${r.failure.message}\n\n` : "",
      `Engine cold start (page load to first query, fresh profile): ${median(r.colds).toFixed(2)} s; warm start (reload, the build in the service worker's cache): ${median(r.warms).toFixed(2)} s${r.warmsAfterFlow?.length ? `, and ${median(r.warmsAfterFlow).toFixed(2)} s on a reload after the run's flow (the browser has then kept the code it compiled for DuckDB's busiest functions)` : ""}${r.usables?.length ? `, with the page's controls live after ${median(r.usables).toFixed(2)} s (a file dropped then starts its checksum and copy while the engine starts)` : ""}. Peak renderer memory (sum of Chromium renderer RSS): ${(Math.max(...r.peaks) / 2 ** 30).toFixed(2)} GiB. Browser storage in use at the end of a run (IndexedDB + OPFS): ${(median(r.flows.map((f) => f.storageBytes)) / 2 ** 20).toFixed(0)} MB.`,
      "",
      "Against the issue's targets:",
      "",
      ...(refs
        ? [
            verdict(n1 / stage >= 0.7, `stage ≥ 0.7× native DuckDB, 1 thread: ${(n1 / stage).toFixed(2)}×`),
            verdict(nAll / stage >= 0.5, `stage ≥ 0.5× native DuckDB, all threads: ${(nAll / stage).toFixed(2)}×`),
            verdict(papa / stage >= 3, `stage ≥ 3× Papa Parse: ${(papa / stage).toFixed(2)}×`),
          ]
        : []),
      ...(r.mb >= 1000 && r.mb < 1500 ? [verdict(flowSeconds(r) <= 60, `the whole flow (stage, profile, validate, transform, promote, CSV download) ≤ 60 s at 1 GB: ${flowSeconds(r).toFixed(1)} s (the sum of the steps' medians)`)] : []),
      ...(r.mb >= 1500 ? [`- the whole flow (stage, profile, validate, transform, promote, CSV download): ${flowSeconds(r).toFixed(1)} s (the sum of the steps' medians)`] : []),
      ...(r.mb >= 1500 && r.mb < 2500 ? [verdict(Math.max(...r.peaks) <= 2 ** 31, `peak renderer memory ≤ 2 GiB for the 2 GB flow: ${(Math.max(...r.peaks) / 2 ** 30).toFixed(2)} GiB`)] : []),
      verdict(median(r.colds) < 1.5, `engine cold start < 1.5 s: ${median(r.colds).toFixed(2)} s`),
      verdict(median(r.warms) < 0.5, `engine warm start < 0.5 s: ${median(r.warms).toFixed(2)} s`),
      ...(r.usables?.length ? [verdict(median(r.usables) < 0.5, `page usable < 0.5 s after a warm start (its controls live; the engine is the line above): ${median(r.usables).toFixed(2)} s`)] : []),
      verdict(median(r.flows.map((f) => f.firstRows)) < 1, `first rows visible < 1 s after the drop (the file's head, read while the whole file is staged): ${median(r.flows.map((f) => f.firstRows)).toFixed(2)} s`),
      verdict(median(r.flows.map((f) => f.steps["first rows (a page of 100)"].seconds)) < 1, "a page of the staged table < 1 s once staged"),
      verdict(median(r.flows.map((f) => f.steps["a page at the end"].seconds)) < 0.05, `a page of rows < 50 ms at ${r.rows.toLocaleString("en-US")} rows, right after staging: ${(1000 * median(r.flows.map((f) => f.steps["a page at the end"].seconds))).toFixed(0)} ms`),
      verdict(median(r.flows.map((f) => f.steps["a page at the end, engine idle"].seconds)) < 0.05, `a page of rows < 50 ms at ${r.rows.toLocaleString("en-US")} rows, engine idle: ${(1000 * median(r.flows.map((f) => f.steps["a page at the end, engine idle"].seconds))).toFixed(0)} ms`),
      verdict(Math.max(...r.flows.map((f) => f.steps["scroll the staged grid (20 jumps over the whole table)"].longTaskMs)) <= 50, "no main-thread task over 50 ms while scrolling"),
      verdict(Math.max(...names.map((n) => Math.max(...r.flows.map((f) => f.steps[n].longTaskMs)))) <= 50, "no main-thread task over 50 ms in any step"),
      "",
    );
  }
  lines.push(
    "## Reading these figures",
    "",
    "How each figure is measured, and why the targets marked missed are missed (the CPU profiles, traces and trials behind each, and what would close them): [`SPEED.md`](SPEED.md). The quick runs of each session, with the machine's hour: [`BENCHMARKS-LOG.md`](BENCHMARKS-LOG.md).",
    "",
    "Sizes not listed were not measured in this run; `npm run bench -- --sizes 100,1000 --runs 3` runs the issue's defaults.",
    "",
  );
  return lines.join("\n");
}
