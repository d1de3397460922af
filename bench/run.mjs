// `npm run bench [-- --seconds 60 --runs 5 --hosts chromium,node --budget-minutes 10 --sections audio,ui]`
//
// Two sections: `audio` (below) and `ui` (bench/ui/ui-bench.mjs: the app's production build in
// Chromium — idle and playing main-thread load, frames/s, the longest task, first sound per
// material, layout shift). `--sections ui` runs only the UI section and keeps the audio
// figures of bench/results.json as they were (and the other way round).
//
// Renders `seconds` of stereo 48 kHz white noise (−10 dBFS RMS) through (a) the full chain
// (one headroom-chain node: source → amp → splitter, two network-impedance listeners),
// (b) the A/B pair of chains from one source, (c) an equivalent chain of native nodes
// (Gain → Biquad → Biquad → WaveShaper '4x' tanh → Gain) and (d) the host floor: the chain's
// graph with a processor that only copies (bench/host-floor.worklet.ts), what the host costs
// with no DSP at all; `runs` times each, interleaved, in
// headless Chromium (bench page built by Vite, standardized-audio-context) and in Node
// (node-web-audio-api, the worklet bundled by esbuild). ×RT = seconds / median render time.
// Then `headroom render`'s own pipeline on the direct host (bench/node/cli.ts), `runs` times on
// the machine as it is and `runs` times with two spinning processes keeping both cores busy
// (cliXRealtime, cliXRealtimeBusy). Then, in Node: the alias figure (bench/node/alias.ts), the allocation count
// (bench/node/alloc.ts), the processors' plain-JS profile and the chain stages' JS speed on the
// main thread and in the worklet thread (bench/node/js-speed.ts). Prints a table and writes
// bench/results.json; per-run details go to bench/out/details.json. Missed targets are
// printed as FAIL but do not fail the command; errors (a processor error, NaN, every run of
// a kind stalled) do.
//
// Stall guard: each kind's first run is preceded by a short probe render; a render that takes
// more than 10× the median of its kind's runs so far (or of the probe's estimate) is stopped
// (Chromium: the page is abandoned; Node: the child process is killed) and reported as stalled.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openChromiumBench } from './lib/chromium-host.mjs';
import { bundleNodeBench, runChild, spinBothCores } from './lib/node-host.mjs';
import { formatTable, median, renderLimitSeconds, StallError } from './lib/stats.mjs';
import { formatUiTable, openUiBench, runUiBench, uiTargets } from './ui/ui-bench.mjs';

const KINDS = ['chain', 'ab', 'native', 'floor'];
const PROBE_SECONDS = 3;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench/out');

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    runs: { type: 'string', default: '5' },
    hosts: { type: 'string', default: 'chromium,node' },
    'budget-minutes': { type: 'string', default: '10' },
    sections: { type: 'string', default: 'audio,ui' },
  },
});
const sections = options.sections.split(',');
const seconds = Number(options.seconds);
const runs = Number(options.runs);
const hosts = options.hosts.split(',');
const budgetSeconds = 60 * Number(options['budget-minutes']);
if (!(seconds > 0) || !(runs >= 1)) throw new Error('--seconds and --runs must be positive');

const log = (line) => process.stderr.write(`${line}\n`);
const failures = [];

/**
 * Runs every kind `runs` times, interleaved, through `render(kind, seconds, limit)` which
 * resolves to { renderSeconds, nonFinite, errors }. Returns the render length used and the
 * per-kind render times (null = stalled). When the probes predict that the runs would take
 * longer than the host's budget, the renders are shortened to fit (never below the probe's
 * length) and the reason is logged and kept in details.json: ×RT is a rate, so it stays
 * comparable, but the shortened figures are marked.
 */
async function measureHost(host, render) {
  const times = Object.fromEntries(KINDS.map((kind) => [kind, []]));
  const perSecond = {};
  for (const kind of KINDS) {
    const probe = await render(kind, PROBE_SECONDS, renderLimitSeconds([], 60));
    check(host, kind, probe);
    perSecond[kind] = probe.renderSeconds / PROBE_SECONDS;
    log(`${host} ${kind}: probe ${(1 / perSecond[kind]).toFixed(1)}× real time`);
  }
  const predicted = runs * seconds * KINDS.reduce((sum, kind) => sum + perSecond[kind], 0);
  let length = seconds;
  let note = null;
  if (predicted > budgetSeconds) {
    length = Math.max(PROBE_SECONDS, Math.floor((seconds * budgetSeconds) / predicted));
    note = `${host}: ${runs} runs of ${seconds} s would take about ${(predicted / 60).toFixed(0)} min (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores); renders shortened to ${length} s to fit the ${(budgetSeconds / 60).toFixed(0)} min budget (--budget-minutes)`;
    log(`NOTE ${note}`);
  }
  for (let run = 1; run <= runs; run++) {
    for (const kind of KINDS) {
      const limit = renderLimitSeconds(times[kind], perSecond[kind] * length);
      try {
        const result = await render(kind, length, limit);
        check(host, kind, result);
        times[kind].push(result.renderSeconds);
        log(`${host} ${kind} run ${run}/${runs}: ${result.renderSeconds.toFixed(2)} s (${(length / result.renderSeconds).toFixed(1)}× real time)`);
      } catch (error) {
        if (!(error instanceof StallError)) throw error;
        times[kind].push(null);
        log(`${host} ${kind} run ${run}/${runs}: ${error.message}`);
      }
    }
  }
  return { seconds: length, note, times };
}

/**
 * `headroom render` of `seconds` of the bench noise through the bench chain, `runs` times,
 * each in a fresh process; `busy`: while two spinning processes keep both cores busy.
 * Returns the render times (null = stalled).
 */
async function measureCli(script, busy) {
  const label = busy ? 'node cli (both cores busy)' : 'node cli';
  const stop = busy ? spinBothCores() : () => undefined;
  const times = [];
  try {
    for (let run = 1; run <= runs; run++) {
      try {
        const result = await runChild(script, ['cli', String(seconds), join(outDir, 'cli')], renderLimitSeconds(times, seconds / 10), `${label} render of ${seconds} s`, root);
        check('node', 'cli', result);
        times.push(result.renderSeconds);
        log(`${label} run ${run}/${runs}: ${result.renderSeconds.toFixed(2)} s (${(seconds / result.renderSeconds).toFixed(1)}× real time)`);
      } catch (error) {
        if (!(error instanceof StallError)) throw error;
        times.push(null);
        log(`${label} run ${run}/${runs}: ${error.message}`);
      }
    }
  } finally {
    stop();
  }
  return times;
}

function check(host, kind, result) {
  if (result.errors.length > 0) failures.push(`${host} ${kind}: processor errors: ${result.errors.join('; ')}`);
  if (result.nonFinite > 0) failures.push(`${host} ${kind}: ${result.nonFinite} NaN/Inf samples`);
}

function summarize({ seconds: length, times }) {
  const x = (kind) => {
    const m = median(times[kind]);
    return m === null ? null : length / m;
  };
  const chain = x('chain');
  const native = x('native');
  return {
    chainXRealtime: round(chain, 1),
    abXRealtime: round(x('ab'), 1),
    nativeXRealtime: round(native, 1),
    chainVsNative: chain !== null && native !== null ? round(chain / native, 3) : null,
    hostFloorXRealtime: round(x('floor'), 1),
  };
}

const round = (value, digits) => (value === null ? null : Number(value.toFixed(digits)));

/** The ui section: its figures, its targets, and its lines for details.json. */
async function measureUi() {
  const bench = await openUiBench(root, join(outDir, 'ui-site'));
  log(`ui: the app's production build in Chromium ${bench.version}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  try {
    const { results, details } = await runUiBench(bench, log);
    if (bench.problems.length > 0) failures.push(...bench.problems.map((p) => `ui: ${p}`));
    return { results, details: { ...details, chromium: bench.version, loadAverage: loadavg() } };
  } finally {
    await bench.close();
  }
}

/** bench/results.json as it is, so a run of one section keeps the other's figures. */
function previousResults() {
  const file = join(root, 'bench/results.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const previous = previousResults();
  let ui = null;
  if (sections.includes('ui')) ui = await measureUi();
  if (!sections.includes('audio')) {
    const ordered = { ...previous, ui: ui?.results ?? previous.ui ?? null };
    const targets = uiTargets(ordered.ui);
    console.log(`\n${formatUiTable(ordered.ui, targets)}`);
    writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(ordered, null, 2)}\n`);
    writeFileSync(join(outDir, 'details-ui.json'), `${JSON.stringify({ date: new Date().toISOString(), ui: ui?.details, results: ordered.ui, targets }, null, 2)}\n`);
    console.log('\nwrote bench/results.json (ui) and bench/out/details-ui.json');
    finish();
    return;
  }
  const details = { seconds, runs, sampleRate: 48_000, node: process.version, date: new Date().toISOString(), loadAverage: loadavg(), cores: availableParallelism() };
  const results = {};

  const { worklet, script } = await bundleNodeBench(root, join(outDir, 'node'));

  if (hosts.includes('chromium')) {
    const bench = await openChromiumBench(root, join(outDir, 'site'));
    details.chromium = bench.version;
    log(`Chromium ${bench.version}`);
    try {
      details.chromiumRuns = await measureHost('chromium', (kind, s, limit) => bench.render(kind, s, limit));
    } finally {
      await bench.close();
    }
    if (bench.problems.length > 0) failures.push(...bench.problems.map((p) => `chromium: ${p}`));
    results.chromium = summarize(details.chromiumRuns);
  }

  if (hosts.includes('node')) {
    details.nodeRuns = await measureHost('node', (kind, s, limit) =>
      runChild(script, ['render', kind, String(s), worklet], limit, `Node ${kind} render of ${s} s`, root),
    );
    results.node = summarize(details.nodeRuns);
    details.cliRuns = await measureCli(script, false);
    details.cliBusyRuns = await measureCli(script, true);
    const xRealtime = (times) => (median(times) === null ? null : round(seconds / median(times), 1));
    results.node.cliXRealtime = xRealtime(details.cliRuns);
    results.node.cliXRealtimeBusy = xRealtime(details.cliBusyRuns);
  }

  log('alias measurement (Node, real processors)…');
  const alias = await runChild(script, ['alias', worklet], 300, 'alias measurement', root);
  log('allocation probe (Node, processors under faked worklet globals)…');
  const alloc = await runChild(script, ['alloc', worklet], 300, 'allocation probe', root);
  log('processor profile (Node, plain JS, no host)…');
  const profile = await runChild(script, ['profile', worklet], 300, 'processor profile', root);
  log('JS speed of the chain stages in a tight loop (Node main thread and worklet thread)…');
  const jsSpeed = await runChild(script, ['js-speed', worklet], 300, 'JS speed', root);
  details.alias = alias;
  details.profile = profile;
  details.jsSpeed = jsSpeed;
  details.alloc = alloc;
  results.aliasDbc = round(alias.aliasDbc, 1);
  results.allocatingProcessCalls = alloc.allocatingProcessCalls;

  const targets = [
    { label: `A/B pair ≥ 50× real time in Chromium (got ${results.chromium?.abXRealtime ?? '—'}×)`, pass: results.chromium ? (results.chromium.abXRealtime ?? 0) >= 50 : null },
    { label: `chainVsNative ≥ 0.5 in Chromium (got ${results.chromium?.chainVsNative ?? '—'})`, pass: results.chromium ? (results.chromium.chainVsNative ?? 0) >= 0.5 : null },
    { label: `chainVsNative ≥ 0.5 in Node (got ${results.node?.chainVsNative ?? '—'})`, pass: results.node ? (results.node.chainVsNative ?? 0) >= 0.5 : null },
    { label: `headroom render ≥ 300× real time on a quiet machine (got ${results.node?.cliXRealtime ?? '—'}×; load average ${loadavg()[0].toFixed(1)} at the end)`, pass: results.node ? (results.node.cliXRealtime ?? 0) >= 300 : null },
    { label: `headroom render ≥ 50× real time with both cores busy (got ${results.node?.cliXRealtimeBusy ?? '—'}×)`, pass: results.node ? (results.node.cliXRealtimeBusy ?? 0) >= 50 : null },
    { label: `alias ≤ −60 dBc (aim −80): ${results.aliasDbc} dBc at ${alias.atHz.toFixed(0)} Hz`, pass: results.aliasDbc <= -60 },
    {
      label: `allocatingProcessCalls = 0: ${alloc.allocatingProcessCalls} of ${alloc.measuredProcessCalls} calls (${alloc.firstCallsAfterPlanMessage} of them a stage's first call after a plan message; ${alloc.bytesAllocated} B; probe noise ${alloc.probeNoise}, sensitivity ${alloc.probeSensitivity})`,
      pass: alloc.allocatingProcessCalls === 0,
    },
  ];

  targets.push(...uiTargets(ui?.results ?? null));
  const ordered = {
    chromium: results.chromium ?? null,
    node: results.node ?? null,
    aliasDbc: results.aliasDbc,
    allocatingProcessCalls: results.allocatingProcessCalls,
    ui: ui?.results ?? previous.ui ?? null,
  };
  const lengths = [details.chromiumRuns, details.nodeRuns].filter(Boolean).map((r) => r.seconds);
  console.log(`\n${[...new Set(lengths)].join(' / ')} s of stereo 48 kHz noise, median of ${runs} runs (×RT = times faster than real time)\n`);
  for (const note of [details.chromiumRuns?.note, details.nodeRuns?.note].filter(Boolean)) console.log(`NOTE ${note}\n`);
  console.log(formatTable(results, targets));
  if (ui) console.log(`\n${formatUiTable(ui.results, [])}`);
  details.ui = ui?.details;
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(ordered, null, 2)}\n`);
  writeFileSync(join(outDir, 'details.json'), `${JSON.stringify({ ...details, results: ordered, targets }, null, 2)}\n`);
  console.log(`\nprocess() alone in Node, no Web Audio host (×RT): ${Object.entries(profile).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`chain stages' JS per 128-frame block in a tight loop: ${jsSpeed.mainThreadMicrosecondsPerBlock} µs on Node's main thread, ${jsSpeed.workletThreadMicrosecondsPerBlock} µs in node-web-audio-api's worklet thread`);
  console.log('\nwrote bench/results.json and bench/out/details.json');
  finish();
}

function finish() {
  if (failures.length > 0) {
    console.error(`\nerrors:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
