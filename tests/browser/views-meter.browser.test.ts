/**
 * <headroom-level-meter> in real Chromium: role="meter" whose aria-valuenow follows the peak
 * level, a peak-hold line, and a clip light that comes on with `clipping` and stays lit about
 * a second after the clipping stops.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/views/headroom-level-meter.ts';
import type { HeadroomLevelMeter } from '../../src/ui/views/headroom-level-meter.ts';
import { mount, shoot, themedStage } from './views-support.ts';

beforeEach(async () => {
  // A desktop-sized page unless a test says otherwise (Vitest's default is a 414 px phone).
  await page.viewport(1000, 800);
});

afterEach(() => {
  document.body.replaceChildren();
});

const meterOf = (el: HeadroomLevelMeter) => el.shadowRoot!.querySelector('[role="meter"]')!;
const clipOf = (el: HeadroomLevelMeter) => el.shadowRoot!.querySelector('[data-testid="clip"]')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function set(el: HeadroomLevelMeter, values: Partial<Pick<HeadroomLevelMeter, 'peakDbfs' | 'rmsDbfs' | 'clipping'>>): Promise<void> {
  Object.assign(el, values);
  await el.updateComplete;
}

describe('<headroom-level-meter>', () => {
  it('is a meter whose aria-valuenow follows peakDbfs, clamped to its −60…0 dBFS scale', async () => {
    const el = await mount(document.createElement('headroom-level-meter'));
    el.label = 'Listener 1';
    await set(el, { peakDbfs: -12.34, rmsDbfs: -18 });
    const meter = meterOf(el);
    expect(meter.getAttribute('aria-label')).toBe('Listener 1');
    expect(meter.getAttribute('aria-valuemin')).toBe('-60');
    expect(meter.getAttribute('aria-valuemax')).toBe('0');
    expect(meter.getAttribute('aria-valuenow')).toBe('-12.3');
    expect(meter.getAttribute('aria-valuetext')).toBe('−12.3\u202fdBFS peak, −18.0\u202fdBFS RMS');
    await set(el, { peakDbfs: -3 });
    expect(meter.getAttribute('aria-valuenow')).toBe('-3');
    await set(el, { peakDbfs: -Infinity, rmsDbfs: -Infinity });
    expect(meter.getAttribute('aria-valuenow')).toBe('-60');
    await set(el, { peakDbfs: 2 });
    expect(meter.getAttribute('aria-valuenow')).toBe('0');
  });

  it('holds the highest peak for a while and draws the bar to the level', async () => {
    const el = await mount(document.createElement('headroom-level-meter'));
    await set(el, { peakDbfs: -6, rmsDbfs: -9 });
    await set(el, { peakDbfs: -30, rmsDbfs: -33 });
    const track = meterOf(el) as HTMLElement;
    // The hold line stays at −6 dBFS (0.9 of the −60…0 scale) while the bar falls to −30 (0.5).
    expect(track.style.getPropertyValue('--hold').trim()).toBe('0.9');
    expect(track.style.getPropertyValue('--peak').trim()).toBe('0.5');
    const hold = el.shadowRoot!.querySelector<HTMLElement>('.hold')!;
    const box = track.getBoundingClientRect();
    // The hold line is the right border (2 px) of a box moved to end at the level.
    expect((hold.getBoundingClientRect().right - 1 - box.left) / box.width).toBeCloseTo(0.9, 1);
    // The hold lasts 1.5 s (HOLD_MS).
    await sleep(1600);
    await el.updateComplete;
    expect(track.style.getPropertyValue('--hold').trim()).toBe('0.5');
  });

  it('lights the clip indicator on clipping and keeps it lit about 1 s after the clipping ends', async () => {
    const el = await mount(document.createElement('headroom-level-meter'));
    await set(el, { peakDbfs: -1 });
    expect(clipOf(el).classList.contains('lit')).toBe(false);
    await set(el, { peakDbfs: 0, clipping: true });
    expect(clipOf(el).classList.contains('lit')).toBe(true);
    expect(meterOf(el).getAttribute('aria-valuetext')).toMatch(/, clipping$/);
    await set(el, { peakDbfs: -10, clipping: false });
    await sleep(700);
    await el.updateComplete;
    expect(clipOf(el).classList.contains('lit'), 'still latched 0.7 s later').toBe(true);
    await sleep(500);
    await el.updateComplete;
    expect(clipOf(el).classList.contains('lit'), 'released after about 1 s').toBe(false);
    expect(el.clipIndicated).toBe(false);
  });

  it('looks finished, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const stage = themedStage(scheme, 420);
      stage.style.display = 'grid';
      stage.style.gap = '14px';
      const levels = [
        { label: 'A · Listener 1', peak: -14, rms: -20, clipping: false },
        { label: 'A · Listener 2', peak: -4.5, rms: -8, clipping: false },
        { label: 'B · Listener 1', peak: 0, rms: -2.5, clipping: true },
      ];
      for (const level of levels) {
        const el = document.createElement('headroom-level-meter');
        Object.assign(el, { label: level.label, peakDbfs: level.peak, rmsDbfs: level.rms, clipping: level.clipping });
        await mount(el, stage);
      }
      await shoot(stage, `level-meters-${scheme}`);
    }
  });
});
