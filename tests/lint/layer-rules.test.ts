import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The real project config, applied to code placed (virtually) in each layer's folder.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules (a wrong import arrow fails npm test)', () => {
  it('src/model may not import the UI, the audio host, the CLI or the worklets', async () => {
    for (const target of ['../ui/headroom-app.ts', '../audio/graph.ts', '../cli/run.ts', '../../worklets/dsp/clipper.ts']) {
      expect(await ruleIdsFor('src/model/probe.ts', `import '${target}';\n`)).toContain('no-restricted-imports');
    }
  });

  it('src/model may not use host libraries or DOM and Web Audio globals', async () => {
    expect(await ruleIdsFor('src/model/probe.ts', "import 'lit';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/model/probe.ts', "import 'node:fs';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/model/probe.ts', 'export const w = window.innerWidth;\n')).toContain('no-restricted-globals');
    expect(await ruleIdsFor('src/model/probe.ts', 'export const c = new AudioContext();\n')).toContain('no-restricted-globals');
  });

  it('worklets/dsp kernels import nothing from src, processors or hosts, and never register themselves', async () => {
    expect(await ruleIdsFor('worklets/dsp/probe.ts', "import '../../src/model/solver.ts';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('worklets/dsp/probe.ts', "import '../processors/source.ts';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('worklets/dsp/probe.ts', "registerProcessor('x', class {});\n")).toContain('no-restricted-globals');
  });

  it('src/math imports nothing but itself: no model, no kernels, no libraries, no DOM', async () => {
    for (const target of ['../model/setup.ts', '../../worklets/dsp/clipper.ts', '../audio/graph.ts', 'zod']) {
      expect(await ruleIdsFor('src/math/probe.ts', `import '${target}';\n`)).toContain('no-restricted-imports');
    }
    expect(await ruleIdsFor('src/math/probe.ts', 'export const w = window.innerWidth;\n')).toContain('no-restricted-globals');
  });

  it('src/drawing may import the model and the text layer, never the UI, the audio host, the state, lit, uPlot or the DOM', async () => {
    for (const target of ['../ui/headroom-app.ts', '../audio/graph.ts', '../state/link.ts', 'lit', 'uplot']) {
      expect(await ruleIdsFor('src/drawing/probe.ts', `import '${target}';\n`)).toContain('no-restricted-imports');
    }
    expect(await ruleIdsFor('src/drawing/probe.ts', 'export const w = window.innerWidth;\n')).toContain('no-restricted-globals');
    expect(await ruleIdsFor('src/drawing/probe.ts', "import { formatHz } from '../text/format.ts';\nimport { abs } from '../model/complex.ts';\nexport const f = [formatHz, abs];\n")).toEqual([]);
  });

  it('the pure layers point down only: the model imports no words or drawings, the state no lessons or words, the text no drawings', async () => {
    const forbidden: [string, string][] = [
      ['src/model/probe.ts', '../text/format.ts'],
      ['src/model/probe.ts', '../drawing/chart-scales.ts'],
      ['src/state/probe.ts', '../teach/derivations.ts'],
      ['src/state/probe.ts', '../text/format.ts'],
      ['src/teach/probe.ts', '../text/format.ts'],
      ['src/text/probe.ts', '../drawing/chart-scales.ts'],
      ['src/abx/probe.ts', '../drawing/chart-scales.ts'],
    ];
    for (const [file, target] of forbidden) {
      expect(await ruleIdsFor(file, `import '${target}';\n`), `${file} → ${target}`).toContain('no-restricted-imports');
    }
  });

  it('the UI may not reach into DSP internals', async () => {
    expect(await ruleIdsFor('src/ui/probe.ts', "import '../../worklets/dsp/clipper.ts';\n")).toContain('no-restricted-imports');
  });

  it('allowed arrows pass: the model importing itself, the UI importing the model', async () => {
    expect(await ruleIdsFor('src/model/probe.ts', "import { parseSetup } from './setup.ts';\nexport const p = parseSetup;\n")).toEqual([]);
    expect(await ruleIdsFor('src/ui/probe.ts', "import { buildReport } from '../model/report.ts';\nexport const b = buildReport;\n")).toEqual([]);
    // src/math is shared arithmetic: both the model and the kernels may import it.
    expect(await ruleIdsFor('src/model/probe.ts', "import { div } from '../math/complex.ts';\nexport const d = div;\n")).toEqual([]);
    expect(await ruleIdsFor('worklets/dsp/probe.ts', "import { div } from '../../src/math/complex.ts';\nexport const d = div;\n")).toEqual([]);
    expect(await ruleIdsFor('src/math/probe.ts', "import { div } from './complex.ts';\nexport const d = div;\n")).toEqual([]);
  });
});
