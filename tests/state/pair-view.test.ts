import { describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { adviceOf, computeReport, pairView, storyOf, wavFileName } from '../../src/state/pair-view.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

describe('what the app shows of the playing pair', () => {
  it('each headphone is plotted once, by name, A’s first, and each side lists its own listeners in order', () => {
    const a = setup({ headphones: [resistiveHeadphone(32, 'HD 600'), resistiveHeadphone(300, 'DT 770')] });
    const b = setup({ headphones: [resistiveHeadphone(300, 'DT 770'), resistiveHeadphone(16, 'IEM')] });
    const view = pairView({ a, b }, 110);
    expect(view.headphones.map((h) => h.name)).toEqual(['HD 600', 'DT 770', 'IEM']);
    expect(view.headphones[1]!.headphone).toBe(a.headphones[1]);
    expect(view.names).toEqual({ A: ['HD 600', 'DT 770'], B: ['DT 770', 'IEM'] });
    expect(view.curves).toEqual([
      { label: 'A', setup: a },
      { label: 'B', setup: b },
    ]);
  });

  it('the reports judge against the target given, and the advice is the heard listener’s', () => {
    const a = setup({ headphones: [resistiveHeadphone(32, 'one'), resistiveHeadphone(600, 'two')] });
    const view = pairView({ a, b: a }, 104);
    expect(view.reports.A.ok && view.reports.A.report.headphones[1]!.advice).toEqual(adviceOf(view.reports.A, 1));
    expect(view.reports.A).toEqual(computeReport(a, 104));
    expect(adviceOf(view.reports.A, 5)).toBeNull();
  });

  it('a setup the model cannot compute gives the model’s message, and no advice', () => {
    // No valid setup makes the model throw cheaply; one without its headphones list does.
    const broken = { ...setup(), headphones: undefined } as unknown as Setup;
    let thrown = '';
    try {
      buildReport(broken, { targetSplDb: 110 });
    } catch (error) {
      thrown = (error as Error).message;
    }
    const computed = computeReport(broken, 110);
    expect(thrown).not.toBe('');
    expect(computed).toEqual({ ok: false, message: thrown });
    expect(adviceOf(computed, 0)).toBeNull();
  });

  it('a preset’s own setup tells the preset’s story; an edited copy tells none', () => {
    const preset = presets[0]!;
    expect(storyOf(structuredClone(preset.setup))).toBe(preset.story);
    expect(storyOf({ ...structuredClone(preset.setup), headphones: [resistiveHeadphone(99)] })).toBe('');
  });
});

describe('a rendered listener’s file name', () => {
  it('is the side, the listener from 1 and the name reduced to safe characters', () => {
    expect(wavFileName('B', 0, 'Sennheiser HD 600 (300 Ω)')).toBe('b-1-Sennheiser-HD-600-300.wav');
    expect(wavFileName('A', 2, '../etc/passwd')).toBe('a-3-..-etc-passwd.wav');
    expect(wavFileName('A', 0, 'Ω')).toBe('a-1-listener.wav');
  });
});
