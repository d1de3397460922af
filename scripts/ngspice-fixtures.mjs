#!/usr/bin/env node
// Re-records the ngspice reference results in tests/fixtures/ngspice/.
//
//   node scripts/ngspice-fixtures.mjs            every *.cir in the folder
//   node scripts/ngspice-fixtures.mjs splitter-unequal network-dynamic.cir   only these
//
// For each netlist `x.cir` (with its setup `x.setup.json` beside it) this runs
// `ngspice -b x.cir` in a fresh temporary directory. The netlist's own .control block
// runs two analyses and writes them there with `wrdata` (16 significant digits through
// `option numdgt=15`; `set wr_singlescale` and `set wr_vecnames` give one frequency
// column, then the real and imaginary part of every printed vector):
//   sweep.txt   `ac dec 100 20 20k`: the report's 301 points 20·10^(k/100) Hz
//   at1khz.txt  `ac lin 1 1k 1k`:    exactly 1 kHz, the report's reference frequency
// The printed vectors must be v(hp1) … v(hpN), the N headphones' terminal voltages in
// setup order. The result is written to `x.ac.json`:
//   { netlist, setup, ngspice, hz: [301], headphones: [{ re: [301], im: [301] }],
//     at1kHz: { hz: 1000, headphones: [{ re, im }] } }
//
//
// Stereo netlists, `crosstalk-*.cir`, model both channels and their shared ground returns
// (setup@3). They run each analysis twice, with the same EMF in both channels ("both") and
// with the right EMF set to 0 ("left", by `alter @vr[acmag]=0`), and print the voltages
// across each headphone's drivers, v(l1) v(r1) … v(lN) v(rN), to both-sweep.txt,
// both-1khz.txt, left-sweep.txt and left-1khz.txt. The result is `x.xt.json`:
//   { netlist, setup, ngspice, hz: [301],
//     both: [{ left: { re, im }, right: { re, im } }] per headphone (301 each),
//     left: the same, at1kHz: { hz: 1000, both: [{ left, right }], left: [...] } }
//
// Not run by the tests (CI may lack ngspice): the tests read the recorded *.ac.json and *.xt.json.
// ngspice: the Debian package `ngspice`, or NGSPICE=/path/to/ngspice.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/ngspice');
const NGSPICE = process.env.NGSPICE ?? 'ngspice';
const SWEEP_POINTS = 301;

function fail(message) {
  console.error(`ngspice-fixtures: ${message}`);
  process.exit(1);
}

function ngspiceVersion() {
  const run = spawnSync(NGSPICE, ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    fail(`cannot run ${NGSPICE} (${run.error?.message ?? `exit ${run.status}`}); install ngspice (Debian: apt-get install ngspice) or set NGSPICE`);
  }
  const match = /ngspice-\S+/.exec(run.stdout);
  return match ? match[0] : 'ngspice';
}

/**
 * Parses a `wrdata` file written with wr_singlescale and wr_vecnames:
 * a header `frequency v(hp1) v(hp1) v(hp2) v(hp2) …` (each complex vector twice: re, im),
 * then one row per frequency.
 */
function parseWrdata(path) {
  const lines = readFileSync(path, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  const header = lines.shift()?.split(/\s+/) ?? [];
  if (header[0] !== 'frequency') throw new Error(`${path}: expected a "frequency" header, got "${header.join(' ')}"`);
  const names = [];
  for (let column = 1; column < header.length; column += 2) {
    if (header[column] !== header[column + 1]) throw new Error(`${path}: column ${column} "${header[column]}" is not a complex vector (re, im)`);
    names.push(header[column]);
  }
  const rows = lines.map((line, row) => {
    const values = line.split(/\s+/).map(Number);
    if (values.length !== header.length || values.some((value) => !Number.isFinite(value))) {
      throw new Error(`${path}: row ${row + 1} has ${values.length} numbers, expected ${header.length}: "${line}"`);
    }
    return values;
  });
  return {
    names,
    hz: rows.map((values) => values[0]),
    vectors: names.map((_, i) => ({ re: rows.map((values) => values[1 + 2 * i]), im: rows.map((values) => values[2 + 2 * i]) })),
  };
}

/** Runs ngspice on a netlist in a fresh directory and returns that directory (the caller removes it). */
function runNgspice(netlistFile) {
  const stem = basename(netlistFile, '.cir');
  const work = mkdtempSync(join(tmpdir(), `ngspice-${stem}-`));
  const run = spawnSync(NGSPICE, ['-b', join(FIXTURES, netlistFile)], { cwd: work, encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`ngspice failed on ${netlistFile} (${run.error?.message ?? `exit ${run.status}`}):\n${run.stdout}\n${run.stderr}`);
  }
  if (/error/i.test(run.stderr)) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`ngspice reported an error on ${netlistFile}:\n${run.stderr}`);
  }
  return work;
}

/** Checks a parsed wrdata file's vectors and grid (301 sweep points or exactly 1 kHz). */
function checkGrid(netlistFile, what, data, expectedNames, points) {
  if (data.names.join(' ') !== expectedNames.join(' ')) {
    throw new Error(`${netlistFile}: ${what} prints ${data.names.join(' ')}, expected ${expectedNames.join(' ')}`);
  }
  if (data.hz.length !== points) throw new Error(`${netlistFile}: ${what} has ${data.hz.length} frequencies, expected ${points}`);
  if (points === 1 && data.hz[0] !== 1000) throw new Error(`${netlistFile}: ${what} is at ${data.hz[0]} Hz, expected 1000 Hz`);
  if (points === SWEEP_POINTS) {
    data.hz.forEach((hz, k) => {
      const expected = 20 * 10 ** (k / 100);
      if (Math.abs(hz / expected - 1) > 1e-9) throw new Error(`${netlistFile}: ${what} point ${k} is ${hz} Hz, expected ${expected} Hz`);
    });
  }
}

/** A stereo (crosstalk) netlist: both channels driven, then the left one only. */
function recordStereo(netlistFile, version) {
  const stem = basename(netlistFile, '.cir');
  const setupFile = `${stem}.setup.json`;
  const setup = JSON.parse(readFileSync(join(FIXTURES, setupFile), 'utf8'));
  const expectedNames = setup.headphones.flatMap((_, i) => [`v(l${i + 1})`, `v(r${i + 1})`]);
  const work = runNgspice(netlistFile);
  try {
    const read = (file, points) => {
      const data = parseWrdata(join(work, file));
      checkGrid(netlistFile, file, data, expectedNames, points);
      return data;
    };
    const pairs = (data, pick) => setup.headphones.map((_, i) => ({ left: pick(data.vectors[2 * i]), right: pick(data.vectors[2 * i + 1]) }));
    const sweep = (v) => v;
    const single = (v) => ({ re: v.re[0], im: v.im[0] });
    const bothSweep = read('both-sweep.txt', SWEEP_POINTS);
    const result = {
      netlist: netlistFile,
      setup: setupFile,
      ngspice: version,
      hz: bothSweep.hz,
      both: pairs(bothSweep, sweep),
      left: pairs(read('left-sweep.txt', SWEEP_POINTS), sweep),
      at1kHz: { hz: 1000, both: pairs(read('both-1khz.txt', 1), single), left: pairs(read('left-1khz.txt', 1), single) },
    };
    const out = `${stem}.xt.json`;
    writeFileSync(join(FIXTURES, out), `${JSON.stringify(result, null, 1)}\n`);
    console.log(`ngspice-fixtures: ${netlistFile} -> ${out} (${setup.headphones.length} stereo headphone${setup.headphones.length > 1 ? 's' : ''}, both and left-only)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function record(netlistFile, version) {
  const stem = basename(netlistFile, '.cir');
  const setupFile = `${stem}.setup.json`;
  const setup = JSON.parse(readFileSync(join(FIXTURES, setupFile), 'utf8'));
  const expectedNames = setup.headphones.map((_, i) => `v(hp${i + 1})`);

  const work = mkdtempSync(join(tmpdir(), `ngspice-${stem}-`));
  try {
    const run = spawnSync(NGSPICE, ['-b', join(FIXTURES, netlistFile)], { cwd: work, encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      throw new Error(`ngspice failed on ${netlistFile} (${run.error?.message ?? `exit ${run.status}`}):\n${run.stdout}\n${run.stderr}`);
    }
    if (/error/i.test(run.stderr)) throw new Error(`ngspice reported an error on ${netlistFile}:\n${run.stderr}`);

    const sweep = parseWrdata(join(work, 'sweep.txt'));
    const at1kHz = parseWrdata(join(work, 'at1khz.txt'));
    for (const [what, data, points] of [['sweep.txt', sweep, SWEEP_POINTS], ['at1khz.txt', at1kHz, 1]]) {
      if (data.names.join(' ') !== expectedNames.join(' ')) {
        throw new Error(`${netlistFile}: ${what} prints ${data.names.join(' ')}, expected ${expectedNames.join(' ')} (one per headphone in ${setupFile})`);
      }
      if (data.hz.length !== points) throw new Error(`${netlistFile}: ${what} has ${data.hz.length} frequencies, expected ${points}`);
    }
    sweep.hz.forEach((hz, k) => {
      const expected = 20 * 10 ** (k / 100);
      if (Math.abs(hz / expected - 1) > 1e-9) throw new Error(`${netlistFile}: sweep point ${k} is ${hz} Hz, expected ${expected} Hz`);
    });
    if (at1kHz.hz[0] !== 1000) throw new Error(`${netlistFile}: at1khz.txt is at ${at1kHz.hz[0]} Hz, expected 1000 Hz`);

    const result = {
      netlist: netlistFile,
      setup: setupFile,
      ngspice: version,
      hz: sweep.hz,
      headphones: sweep.vectors,
      at1kHz: { hz: 1000, headphones: at1kHz.vectors.map((v) => ({ re: v.re[0], im: v.im[0] })) },
    };
    const out = `${stem}.ac.json`;
    writeFileSync(join(FIXTURES, out), `${JSON.stringify(result, null, 1)}\n`);
    console.log(`ngspice-fixtures: ${netlistFile} -> ${out} (${expectedNames.length} headphone${expectedNames.length > 1 ? 's' : ''}, ${sweep.hz.length} points + 1 kHz)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const version = ngspiceVersion();
const wanted = process.argv.slice(2).map((name) => (name.endsWith('.cir') ? name : `${name}.cir`));
const netlists = wanted.length > 0 ? wanted : readdirSync(FIXTURES).filter((name) => name.endsWith('.cir')).sort();
if (netlists.length === 0) fail(`no *.cir netlists in ${FIXTURES}`);
for (const netlist of netlists) {
  try {
    if (netlist.startsWith('crosstalk-')) recordStereo(netlist, version);
    else record(netlist, version);
  } catch (error) {
    fail(error.message);
  }
}
