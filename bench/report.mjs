// The benchmark's report (docs/BENCHMARKS.md) from the runs bench/run.mjs collected.
import os from "node:os";
import { renderBare } from "./bare.mjs";

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
    "- \"stage\" is DuckDB's full parse of the file into a table in its OPFS database, overlapped with the SHA-256 of the whole file and its copy into IndexedDB (DuckDB runs in a worker of its own); native DuckDB only parses, into memory. DuckDB-WASM is single-threaded here (no cross-origin isolation), so the 2-thread figure is out of reach by design.",
    "- \"where staging's time goes\" runs DuckDB-WASM bare in the same Chromium (DuckDB-WASM's own worker and wasm files, as npm ships them and before the build's start-up edits, bundled into a page of its own by `bench/bare.mjs`) on the same file, adding one cost per line: the parse into memory, compressed tables, the OPFS database file, the app's read options, the checksum and IndexedDB copy at the same time. The last line is the app's own staging.",
    "- \"first rows after the drop\" is the moment the file's first rows (cut from a 256 KB slice of its start by the CSV layout the full read uses) reach the page, while the whole file is still being staged.",
    "- The benchmark drives the app page itself, so the UI reacts as in a real session: when a file is staged it runs its recipe and profiles it, on the same engine, while the next steps are timed. Long statements run as pending queries in 20 ms slices, so a page asked for meanwhile waits one slice; the profile and validation figures include waiting for the UI's own run of the same file (runs and profiles take turns).",
    "- The per-step table runs each step's SQL as the engine runs it, from the same compilers (`bench/yardstick.ts`: the read, the profile's scans, the recipe's statements, the CSV `COPY`), in native DuckDB in memory and in a bare DuckDB-WASM in the same Chromium (in memory, DuckDB-WASM's worker and wasm files as npm ships them), on the same file, in the same run. Stages ÷ native is what WebAssembly, one thread and the app cost together; Stages ÷ bare DuckDB-WASM is what the app adds around the SQL (its database file in OPFS, compression, the checksum and IndexedDB copy, Arrow batches to the page, Parquet). DuckDB-WASM cannot write Parquet offline, so its promote is the recipe run alone; native's writes Parquet with DuckDB's own writer. The app's profile is timed after the page's own profile of the file has been forgotten.",
    "- A run keeps what it may of the file's last run (`keptFromLastRun`, lib/recipe/recheck.ts), as the UI's runs do while a recipe is edited: with the same rules, its checks (only rows whose edits changed are checked again), so \"transform\" (the rules and three steps and SQL, after \"validate\" ran the rules) and \"promote\" (the rules alone again, written to Parquet) do not check every row again; \"edit a cell and check again\" checks the edited row and the rows sharing a key with it. The yardstick's runs do the same, on one set of result tables.",
    "- \"profile\" is every column's counts, bounds and mean (one scan), then top values and a histogram per column (one grouping each); columns whose values are (nearly) all distinct skip the top values. \"Nearly\" is an estimated distinct count of 85 % of the values or more (it was 95 % before 2026-12-02): DuckDB's estimate for the 11.7 M ids of the 1 GB file is 10.6 M, so the profile grouped every id for its top values. At 85 %, two app-only runs at 1 GB profiled in 7.98 and 7.74 s against 9.54 and 11.16 s, with a renderer peak of 1.28 GiB against 1.78–1.79 GiB.",
    "- Engine start is timed in the page, from the start of the navigation to the moment \"Engine ready\" shows (a MutationObserver): the page, the engine worker, DuckDB's worker, fetching, compiling and instantiating DuckDB's wasm module (27 MB as the build ships it), and opening its OPFS database. Cold is the first visit in a fresh profile, once the browser has finished starting (3 s on a blank page after its launch: a browser just launched spends its first seconds on start-up work of its own, see below); warm is a reload once the service worker has kept the build (it answers from its cache). \"Controls live\" is the moment React has attached its handlers to the page's file input (looked for at every frame): a file added from then on is taken at once, its checksum and IndexedDB copy run while DuckDB starts, and its read waits for DuckDB.",
    "- CSV download is written by DuckDB itself (`COPY … TO` the OPFS scratch file, registered with DuckDB; the formula guard is a SQL expression); a version just promoted is read from the run's final table, an older one is loaded back from its Parquet file first.",
    "",
    "## Why targets are missed, and what would close them",
    "",
    "- Stage against native DuckDB: the table \"where staging's time goes\" splits it. DuckDB-WASM's bare parse into memory runs one thread in wasm (the threaded build needs cross-origin isolation and cannot read registered files). Writing the table into a database file roughly doubles DuckDB's own work: a CPU trace of DuckDB's worker on 4 M rows showed its wasm time going from 2.3 s to 4.5 s, plus 0.6 s in the runtime's `writeFile` (OPFS sync access handle); an in-memory database that compresses its tables pays most of that too, so it is compression of the column segments, not the disk. Turning compression off (`force_compression = 'uncompressed'`) or the costly methods (FSST, ALP) did not help: more bytes to write. The app's read options cost nothing measurable; the checksum and IndexedDB copy at the same time add about a tenth (the two cores are shared); the app's own work around the read (the sniff, the head preview, counting, the date check, bookkeeping) adds 15 to 20 %. The head preview was a DuckDB query of the file's first 256 KB that staging waited for (0.36–0.43 s, most of it DuckDB's first use of its CSV reader); it is now cut in JavaScript, and DuckDB's CSV reader was warmed at engine start as a trial: in four alternating app-only pairs at 100 MB (2026-12-02), staging took 2.45–2.66 s before and 2.48–2.64 s after, so the first read pays DuckDB's first-use cost wherever it falls, and the warming was not kept. Closing the gap needs staged tables in memory (before the OPFS database, the flow's copies of the data filled the 4 GB heap and only 100 MB went through), or threads. DuckDB-WASM's newest prerelease (1.33.1-dev65, DuckDB 1.5) was timed beside 1.32.0 on 2026-12-02 (`bench/threads.mjs`, its single-threaded bundle, four runs of each in alternation, the machine about 3× slow): the 100 MB read into memory took 1.94–2.71 s against 2.35–3.05 s, but into a database file in OPFS (the app's setup) 3.92–4.62 s against 4.05–4.62 s; it links dynamically too (78,150 exports), and its open OPFS bugs (duckdb-wasm issues 2192 and 2236: databases empty after a reload) rule it out for now.",
    "- Shapes (staging per megabyte, `--shapes`): most of the spread is DuckDB's own. On the same 200 MB files (docs/BENCHMARKS-SHAPES.md, 2026-12-01), native DuckDB's slowest shape per megabyte (wide: 200 columns) is 4.9\u00d7 its fastest (text: 1\u20134 KB fields), Stages' 1.6\u00d7. Changed on 2026-12-02, timed inside the engine on a day the machine ran about 3\u00d7 slower (native DuckDB read the 200 MB orders file in 2.6\u20133.5 s, against 0.99 s): the wide file no longer pays a second sniff of its body for the date format (ISO dates are told from the first lines: 0.88 s of its staging that day), the number check's sample aggregates over text columns whose first values are words (0.48 s, now 0.09 s), or a scan of its 40 ISO date columns for day/month ambiguity (0.15 s; ISO dates are never ambiguous). The text file was bound by what runs beside DuckDB's read and by a checkpoint after it: DuckDB estimates a transaction's size at 16 bytes a text value (`LocalTableStorage::EstimatedSize` in its source), so the 81,054 rows of 1\u20134 KB text looked like 4 MB, went into the write-ahead log, and were written again at the next commit (2.5 s that day). Tried again: a 1 MB checkpoint threshold while CSV files are read, with files up to 256 MB checksummed by WebCrypto's SHA-256 from one copy in memory (hash-wasm, which still streams bigger files, took 1.3 s for the 200 MB file in Node, native SHA-256 0.15 s). Together they staged the text file in 4.93 and 4.98 s against 6.18 and 6.34 s (alternating app-only runs that day; orders 9.53 and 9.15 s against 9.86 and 9.44 s), but with the threshold the nasty-files e2e test hung in one run of four (two at once): a 18-byte file stayed \"reading\" while the file before it was profiled and run, and six runs without it passed. A commit that checkpoints while another connection's pending query holds a transaction looks like the cause in DuckDB-WASM's single thread (DuckDB issue 17006 reports a hang when the checkpoint size is reached with other connections open); it was not kept. WebCrypto alone was kept: text 6.03 and 5.97 s against 6.10 and 6.50 s, since the checkpoint after the read is then the critical path. The spread per megabyte is still DuckDB's: the orders and events files are bound by DuckDB's read and the compression of its table (the line above); an app-only run of all four with both changes that day gave orders 10.53, events 9.55, wide 9.25, text 4.54 s. On 2026-12-03 (the machine about 1.5× slow), an app-only run of all four at 200 MB: orders 5.87, events 5.45, wide 5.04, text 3.17 s. The wide file is no longer the slowest per megabyte, the orders file is, at 1.85× the text file (native DuckDB: 2.85× on the same two files), as the text file now stages faster.",
    "- Stage against Papa Parse: Papa only parses (and above 300 MB only counts rows); staging also checksums, stores the bytes and writes a typed, compressed table to disk. DuckDB-WASM's bare parse is the fair comparison, in the same table.",
    "- Engine start varies from run to run on this machine: eight fresh profiles in a row gave cold starts of 1.15–1.51 s (warm 0.76–1.05 s), for this build and the one before it alike, so a median of three can land on either side of the 1.5 s target. Until 2026-12-03 cold start was timed right after the browser's launch, with the page watched through `innerText`. Traced, the browser's own omnibox renderer took 1.1 s of CPU in the app's first 1.9 s (two cores), and `innerText` forced a 150 ms layout while a fresh profile parsed the HTML. The same build on the same day (the machine about 1.5× slow), four fresh profiles each: cold start 1.73 s the old way, 1.58 s watched through `textContent`, and 1.27 and 1.30 s once the browser had settled, against 1.48 s without the wait between them; warm start unchanged (0.96–0.98 s). Starting the engine before React renders, timed again this way in three alternating rounds: cold 1.34–1.36 s against 1.37–1.40 s, warm unchanged, the controls live up to 0.02 s later; not kept. On 2026-12-03 a first visit was timed over a network as well (`npm run bench:start -- --mbit 100`: the site behind a proxy of 100 Mbit/s, 20 ms a connection): there the 27 MB wasm module is the cold start, and DuckDB's worker asked for it only once the engine's code had loaded. The page now asks for it as its own code loads (`browser/duckdb-ahead.ts`, first visits only, low priority; the worker's request then finds it in the HTTP cache or joins its download: one download, by the server's log). Over 100 Mbit/s, two alternating rounds of two fresh profiles: cold start 3.03 and 3.10 s against 3.36 and 3.40 s. From localhost it costs a little (the browser takes the 27 MB in twice): 1.42 and 1.43 s against 1.30 and 1.37 s, three fresh profiles a round, the machine about 1.5× slow; warm starts do not change (the service worker answers them, and nothing is asked ahead). Traced on 2026-12-03: the engine worker's 1 MB of code is parsed and compiled anew at every start, warm ones included (about 0.1 s of it: 31 ms compiling its two big chunks, and the lazy compiling of each module's code as it is first run). Chromium keeps a code cache for the page's scripts (each chunk of the page reported its cache consumed), but none for scripts a dedicated worker loads with `importScripts`, which is how Turbopack's worker bootstrap loads a worker's chunks, nor for a dedicated worker's own script: DuckDB's 770 KB worker script compiled in 22–28 ms at every start, also when the service worker answered with its cached response as it is (tried, three reloads first; not kept). zod (the recipe schema) is about a tenth of that evaluation. Firefox ESR 153, timed on 2026-12-03 (puppeteer-core, the browser settled first, the machine about 1.5× slow): the production build's engine started in 2.20 s cold and 1.92–1.99 s warm. In a test page DuckDB's instantiation alone took 1.12–1.22 s there (four loads in a row, no faster after the first) against 0.31–0.46 s in Chromium: SpiderMonkey compiles the whole 27 MB module before it runs, where V8 compiles each function when first called and pays some of it in the first queries (opening a database and one query: 60 ms in Firefox, 250–370 ms in Chromium). So most of Firefox's extra second is compiling DuckDB. Warm start (≈ 0.9 s) and cold start: a CPU profile of DuckDB-WASM's instantiation (warm: about 0.55 s) shows about 0.2 s in Emscripten's dynamic-linking setup in JavaScript (`updateGOT`, `relocateExports`, `mergeLibSymbols` over DuckDB's tens of thousands of symbols), about 0.15 s compiling (V8 compiles lazily; on reloads alone, a DuckDB worker with DuckDB-WASM's progress stream hidden instantiated no faster, 0.49–0.55 s warm either way, six loads in each of two fresh profiles: the browser had cached no code, see the end of this item), and the rest instantiating; opening the OPFS database adds 0.1 s and the page and workers 0.2 s. Gzipping the wasm on every request (the static server's default) cost another 0.5 s: it is now served as is, and cached for good. Starting the engine as the page's code loads, before React renders (instead of in an effect after it), changed nothing: eight alternating fresh profiles of each build gave cold 1.74 against 1.75 s and warm 1.32 against 1.32 s (medians), so the page's own rendering is not on the path. Reaching 0.5 s needs a DuckDB-WASM build without dynamic linking, or keeping an engine alive across reloads (a dedicated worker cannot be). Timed phase by phase on 2026-12-02 (eight warm reloads in two fresh profiles, clock marks in the page and both workers): the page starts the engine worker 0.10–0.16 s after the navigation, the engine worker's code has loaded 0.14–0.19 s later, DuckDB's worker starts at once and instantiating its wasm takes 0.56–0.75 s, opening the OPFS database 0.09–0.13 s and its settings 0.04 s; \"Engine ready\" shows 0.99–1.32 s after the navigation. The page itself is usable long before: the staging area is listed from IndexedDB and a dropped file waits for the engine. Tried on 2026-12-02, a day the machine ran about 3× slow: instantiating DuckDB from the engine worker's first lines, before the rest of its code loads (an entry of 300 KB instead of 1 MB, the engine loaded by a dynamic import, calls held until it is in). Clock marks showed the engine's code loading in 0.2 s beside DuckDB's 1.8–1.9 s instantiation, yet four alternating rounds of four fresh profiles gave warm medians of 3.42 and 2.82 s against 2.85 and 2.86 s: no gain with both cores busy, so it was not kept. Nor can an engine outlive a reload in a shared worker: in this Chromium (156) a SharedWorker whose one page reloads is started anew (its start time changed at every reload in a test page), and it has no `Worker` to start DuckDB's worker from. On 2026-12-02 the build's copy of DuckDB-WASM's worker script was first edited (three exact edits, applied at build time): as the wasm was instantiated, Emscripten's linking gave each of the module's 75,011 exported functions a GOT entry and a function-table slot, needed or not, and walked the exports twice more through `Object.entries`. Timed inside DuckDB's worker that day (the machine about 3× slow), those walks took 0.5–0.75 s. With the three edits, instantiating DuckDB in a test page took 1.14–1.41 s (median 1.21) against 1.49–1.94 s (1.77), six alternating loads each; three alternating rounds of `npm run bench:start` (two fresh profiles, three reloads each) gave a warm start of 2.25 s against 2.62 s and a cold start of 3.20 s against 4.05 s (medians); two more rounds later that day, with the machine about 1.5× slow, gave 1.30 s against 1.56 s warm and 2.10 s against 2.27 s cold, the page's controls live after 0.25 s against 0.28 s. The build then dropped the module's exports that nothing can reach (`lib/engine/duckdb-wasm-exports.ts`, applied by `scripts/duckdb-wasm.mjs`), which is what it does now: it exports 75,011 symbols in a 7.4 MB export section, for side modules the app never loads, and the browser builds every one at instantiation; 11,161 of them are `orig$` copies of functions with 64-bit integers, which only side modules' GOT entries take. It keeps what the worker script names (741 exports with the `orig$` copies dropped; 11,902 with them kept), and the module goes from 34.2 to 26.8 MB. Instantiating DuckDB in a test page then took 0.49–0.62 s against 0.84–1.04 s with all exports (six alternating loads, the worker script edited in both). `npm run bench:start` the same evening (the machine about 1.6× slow), three alternating rounds of two fresh profiles and three reloads: warm start 1.79 s with neither change, 1.45 s with the worker edits, 1.14 s with 11,902 exports kept (cold 2.55, 2.21 and 2.00 s); then three more rounds gave 1.13 s against 1.04 s warm for 11,902 against 741 exports (cold 1.88 against 1.92 s). Each figure is the median of the rounds' medians. With 741 exports left, the worker script's edits no longer changed anything measurable (instantiating took 0.52–0.80 s with them and 0.58–0.80 s without, eight alternating loads each, while a test run held the machine), so they were taken out again. The build as it is now against the one before these changes, two more alternating rounds at the end of that day (the machine about 2× slow): warm start 1.24 and 1.25 s against 2.05 and 1.99 s, cold 2.24 and 2.27 s against 3.08 and 2.94 s (each round's median). The rest of the instantiation is compiling the wasm and setting up its memory and table: a build of DuckDB-WASM without dynamic linking is still what 0.5 s needs. On 2026-12-02, traced: Chromium keeps the optimized code V8 compiles for a wasm module beside the response it came from (the HTTP cache, or the service worker's cache that served it), and loads it on the next visit instead of validating the module and compiling each function it runs again; but DuckDB-WASM hands `instantiateStreaming` a `new Response(…)` of its own, piped through a progress stream, which has no URL and no cache behind it, so no code was ever kept (the profile's wasm code cache stayed empty). The build now hands the fetched response itself to the browser (`lib/engine/duckdb-worker-script.ts`). The browser then writes the compiled code each time V8 has made another megabyte of optimized code (its 2-second quiet-time trigger never fired for DuckDB in these runs, even after 30 s idle), so the code is kept after real work, not after a bare start: in five alternating app-only runs of `npm run bench -- --sizes 100 --runs 1 --app-only` per build, a reload after the 100 MB flow started the engine in 0.82–1.08 s (median 0.91) against 1.22–1.34 s (1.27) without the change (a traced session that staged and profiled 20 MB had the browser reuse 1.6 MB of cached code on each reload); the first warm start, before any work, is unchanged (1.02–1.46 s against 1.03–1.49 s). `npm run bench` reports both.",
    "- Main-thread tasks: the long tasks of earlier runs (71 ms in one of three 1 GB stagings) came as the staged file turned ready and the page mounted its workspace while DuckDB and the checksum held both cores. Traced with the Long Animation Frames API and a CPU profile with source maps, that mount did more than it needed: a new number and date formatter for every count and time, the (closed) audit log rendering its events, the SQL editor built inside the same task and its language built twice, and every profile suggesting rules anew. It now does none of these, the editor is built in an idle task of its own, and run results and profiles render as transitions. The frames still seen at 1 GB (56–78 ms, one staging run in three) are listed as `MessagePort.onmessage` in the chunk that holds React's scheduler: React rendering the workspace in one task (React posts its work through a MessageChannel), not a message from the engine. Rendering the workspace as a deferred value (a render React may pause) removed them in three 1 GB runs, but under a heavy earlier workspace (2,000 columns) the deferred render of the next file did not land for over 20 s, so one file's grid showed while another was selected: reverted. Deferring only the turn to ready, inside the file's own workspace, also removed them in three 1 GB runs (stage 14.6 s, flow 50.9 s), but then a keyboard test (Ctrl+Home in a million-row grid) lost its focus once in three runs under load: reverted too, as focus that goes astray is worse for keyboard users than one long frame. (A likelier cause of that lost focus was found on 2026-12-02 and fixed: when a run finished, the staged grid jumped to the top to follow a shared scroll position never recorded, taking the focused cell out of the page. The deferral was measured again after that fix, on a day the machine ran about 1.5× slower than usual: in three 1 GB benchmark runs with it, the staging step still had frames of 54–55 ms and one task of 119 ms; and staging 1 GB through the UI itself, three runs of each build in alternation, gave no task over 50 ms in any of the three without the deferral and one of 108 ms in one of three with it. So it is not adopted. A CPU profile of the page through a 1 GB staging has no stretch of its own work over about 30 ms, but gaps of up to 59 ms between samples: the long frames look like the main thread waiting for a core while the engine's workers hold both, not like one render React could split.) Any frame over 50 ms in this run is listed under its size's table, with the script that held it. On 2026-12-02 (the machine about 3× slow, where the 100 MB staging had a task of 65–104 ms as the file turned ready), a CPU profile with source maps found 45 ms of that task in making the page's first date formatter (the browser loads its locale and time zone data) and the workspace's hooks each re-reading every staged file with a live query of its own: the formatters are now made in an idle moment once the engine has started, and the workspace shares the page's one query. A trace of the same staging afterwards had no task over 50 ms: React's render of the workspace 44 ms (8.5 ms of it setting the options of its column pickers), then style, layout and paint 41 ms as a task of their own. At 1 GB, one run of `npm run bench -- --sizes 100,1000 --runs 1` later that day (the machine about 1.8× slow: native DuckDB read the 1 GB file in 8.8 s against 4.8 s) had no main-thread task over 50 ms in any step, and one animation frame over 50 ms: 70 ms as the first rows came, 43 ms of it React's render. One run, on a slow machine; the 1 GB table in `docs/BENCHMARKS.md` is from 2026-12-01. On 2026-12-03 (the machine about 1.5× slow), three app-only 1 GB runs had a longest task of 81 ms (median) in the staging step; a trace of one more 1 GB staging had one task over 50 ms, a frame of 74 ms as the file turned ready: style 17 ms and layout 43 ms for 484 layout objects (a later layout of 1,079 objects took 6 ms). In those 43 ms the page's thread competed for the two cores with DuckDB's worker and with 52 ms of V8's background threads compiling DuckDB's newly busy functions (0.95 s of compile jobs in the staging's last 6 s, while the engine read, counted and checkpointed): the frame is long because the cores are taken, not because of its own work (the same mount's layout took 14–22 ms in traces of a 100 MB staging).",
    "- 2 GB now goes through the whole flow. Found by running each statement in Chromium on this file: validation ran DuckDB-WASM out of memory with two windows at once (the uniqueness rule now reads a grouped table of repeated keys), the rejected rows on an anti join's hash table of 23 M row numbers (left out when no step can remove rows), and promotion on materializing the final rows before writing Parquet (now streamed). Earlier, the benchmark's off-the-record contexts kept IndexedDB and OPFS in the browser process's memory, and the browser died mid-flow: runs now use profiles on disk.",
    "- Peak renderer memory (the sum of Chromium's renderer processes; at 2 GB 1.89 and 1.91 GiB in two runs on 2026-12-02, against 2.8–3.2 GiB in the runs of 2026-12-01; step by step in `docs/BENCHMARKS-2GB.md`): DuckDB's heap grows to what its buffer pool (2 GB) and everything outside it need (Arrow batches in and out, the pending results), and never shrinks; the engine worker's parquet-wasm heap and the page add to it. A 1 GB buffer pool made the 2 GB profile 3× slower and ran validation out of memory (no spill to disk in DuckDB-WASM). Streaming the final rows out of DuckDB (instead of materializing them) took the 1 GB peak from 3.9 to 2.9 GiB.",
    "",
    "Sizes not listed were not measured in this run; `npm run bench -- --sizes 100,1000 --runs 3` runs the issue's defaults.",
    "",
  );
  return lines.join("\n");
}
