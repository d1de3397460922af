#!/usr/bin/env node
// The `headroom` command.
// - In the installed package: the compiled CLI, dist/cli/headroom.js (built by `npm pack`'s
//   prepack, scripts/build-package.mjs); no TypeScript at run time.
// - In a clone of the repository: the TypeScript source through tsx, so that it works right
//   after `npm install` and every edit counts at once.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let tsx = null;
if (existsSync(source)) tsx = await import('tsx/esm/api').catch(() => null);
if (tsx) {
  tsx.register();
  await import(source.href);
} else {
  await import('../dist/cli/headroom.js');
}
