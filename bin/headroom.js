#!/usr/bin/env node
// The `headroom` command. The CLI is TypeScript, run through tsx so that it works
// right after `npm install` on a fresh clone, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
