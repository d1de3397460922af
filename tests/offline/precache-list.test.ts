/**
 * The service worker's precache list and version (scripts/sw-precache.ts) and the generated
 * worker's text (scripts/sw-source.ts), as pure functions of a build's emitted files.
 */
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cacheVersion, normalizeFileName, precacheList } from '../../scripts/sw-precache.ts';
import { serviceWorkerSource } from '../../scripts/sw-source.ts';

/** What `vite build` emits for this app (names as in a real build, plus the public/ favicon). */
const emitted = [
  'index.html',
  'embed-example.html',
  'favicon.svg',
  'assets/main-B7P8xVzf.js',
  'assets/main-B7P8xVzf.js.map',
  'assets/main-BQm6izcD.css',
  'assets/embed-DJ8zrRzs.css',
  'assets/esm-BoKvirVM.js',
  'assets/esm-BoKvirVM.js.map',
  'assets/headroom-circuit-BKW4VTU0.js',
  'assets/headroom-circuit-BKW4VTU0.js.map',
  'assets/headroom-sim.js',
  'assets/headroom-sim.js.map',
  'assets/headroom.worklet-MI-sopvd.js',
  'assets/headroom.worklet-MI-sopvd.js.map',
];

describe('precacheList', () => {
  it('lists every page, chunk, stylesheet, the worklet module and the favicon, sorted, and no source map', () => {
    expect(precacheList(emitted)).toEqual([
      'assets/embed-DJ8zrRzs.css',
      'assets/esm-BoKvirVM.js',
      'assets/headroom-circuit-BKW4VTU0.js',
      'assets/headroom-sim.js',
      'assets/headroom.worklet-MI-sopvd.js',
      'assets/main-B7P8xVzf.js',
      'assets/main-BQm6izcD.css',
      'embed-example.html',
      'favicon.svg',
      'index.html',
    ]);
  });

  it('includes the AudioWorklet chunk and index.html and excludes every .map', () => {
    const list = precacheList(emitted);
    expect(list).toContain('assets/headroom.worklet-MI-sopvd.js');
    expect(list).toContain('index.html');
    expect(list.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('leaves out the service worker itself and dot-files (Vite manifest, .DS_Store)', () => {
    expect(precacheList(['index.html', 'sw.js', '.vite/manifest.json', 'assets/.DS_Store', '.well-known/x'])).toEqual(['index.html']);
  });

  it('normalizes Windows separators and leading ./ or /, and drops duplicates', () => {
    expect(normalizeFileName('assets\\a.js')).toBe('assets/a.js');
    expect(precacheList(['./index.html', '/index.html', 'index.html', 'assets\\a.js', './assets/a.js'])).toEqual(['assets/a.js', 'index.html']);
  });

  it('gives the same list whatever order the files come in', () => {
    expect(precacheList([...emitted].reverse())).toEqual(precacheList(emitted));
  });
});

describe('cacheVersion', () => {
  const files = [
    { fileName: 'index.html', content: '<!doctype html><title>Headroom</title>' },
    { fileName: 'assets/main-B7P8xVzf.js', content: 'console.log(1)' },
    { fileName: 'favicon.svg', content: new Uint8Array([60, 115, 118, 103, 62]) },
    { fileName: 'assets/main-B7P8xVzf.js.map', content: '{"version":3}' },
  ];

  it('is 16 hex digits and the same for the same files in any order', () => {
    const version = cacheVersion(files);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(cacheVersion([...files].reverse())).toBe(version);
  });

  it('changes when an unhashed file (index.html) changes, or a file comes or goes', () => {
    const version = cacheVersion(files);
    expect(cacheVersion(files.map((f) => (f.fileName === 'index.html' ? { ...f, content: `${f.content} ` } : f)))).not.toBe(version);
    expect(cacheVersion([...files, { fileName: 'assets/new.js', content: '' }])).not.toBe(version);
    expect(cacheVersion(files.slice(1))).not.toBe(version);
  });

  it('ignores source maps, which are not cached', () => {
    const withOtherMap = files.map((f) => (f.fileName.endsWith('.map') ? { ...f, content: '{"version":3,"x":1}' } : f));
    expect(cacheVersion(withOtherMap)).toBe(cacheVersion(files));
  });
});

describe('serviceWorkerSource', () => {
  const files = precacheList(emitted);
  const source = serviceWorkerSource({ version: 'abc123', files });

  it('is a classic script that parses, with no import or importScripts', () => {
    expect(() => new Script(source)).not.toThrow();
    expect(source).not.toMatch(/\bimport\b|importScripts/);
  });

  it('carries the version and exactly the precache list', () => {
    expect(source).toContain('const VERSION = "abc123";');
    const list = /const FILES = (\[[\s\S]*?\]);/.exec(source)?.[1];
    expect(JSON.parse(list!)).toEqual(files);
  });

  it('names no URL of its own: every request it makes is resolved against its own location', () => {
    expect(source).not.toMatch(/https?:\/\//);
  });

  it('refuses a list without index.html (navigations could not be answered offline)', () => {
    expect(() => serviceWorkerSource({ version: 'x', files: ['assets/a.js'] })).toThrow(/index\.html/);
  });
});
