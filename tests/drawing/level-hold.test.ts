/** The level meter's memory (LevelHold, src/drawing/level-meter.ts): peak hold, clip latch, readout pace. */
import { describe, expect, it } from 'vitest';
import { CLIP_LATCH_MS, HOLD_MS, LevelHold, READOUT_MS } from '../../src/drawing/level-meter.ts';

describe('level meter memory', () => {
  it('holds the highest peak for HOLD_MS, then falls to the current peak, and asks to be woken when it falls', () => {
    const hold = new LevelHold();
    expect(hold.read(-6, -9, false, 0)).toBe(Infinity);
    expect(hold.read(-30, -33, false, 100)).toBe(HOLD_MS);
    expect(hold.holdDbfs).toBe(-6);
    hold.read(-30, -33, false, HOLD_MS - 1);
    expect(hold.holdDbfs).toBe(-6);
    expect(hold.read(-30, -33, false, HOLD_MS)).toBe(Infinity);
    expect(hold.holdDbfs).toBe(-30);
  });

  it('a higher peak takes the hold at once and restarts its time', () => {
    const hold = new LevelHold();
    hold.read(-20, -23, false, 0);
    expect(hold.read(-3, -6, false, 1000)).toBe(Infinity);
    expect(hold.read(-40, -43, false, 1100)).toBe(1000 + HOLD_MS);
    expect(hold.holdDbfs).toBe(-3);
  });

  it('silence lets the hold fall to silence after HOLD_MS', () => {
    const hold = new LevelHold();
    hold.read(-10, -13, false, 0);
    expect(hold.read(-Infinity, -Infinity, false, 10)).toBe(HOLD_MS);
    hold.read(-Infinity, -Infinity, false, HOLD_MS);
    expect(hold.holdDbfs).toBe(-Infinity);
  });

  it('the clip light comes on with clipping and stays lit CLIP_LATCH_MS after the last clipped block', () => {
    const hold = new LevelHold();
    hold.read(0, -3, true, 0);
    expect(hold.clipLit).toBe(true);
    hold.read(0, -3, true, 500);
    expect(hold.read(-10, -13, false, 600)).toBe(500 + CLIP_LATCH_MS);
    expect(hold.clipLit).toBe(true);
    hold.read(-10, -13, false, 500 + CLIP_LATCH_MS - 1);
    expect(hold.clipLit).toBe(true);
    hold.read(-10, -13, false, 500 + CLIP_LATCH_MS);
    expect(hold.clipLit).toBe(false);
  });

  it('the figures change at most every READOUT_MS, but at once when the sound starts or stops', () => {
    const hold = new LevelHold();
    hold.read(-12, -15, false, 1000);
    hold.read(-11, -14, false, 1000 + READOUT_MS - 1);
    expect(hold.readout).toEqual({ peak: -12, rms: -15 });
    hold.read(-11, -14, false, 1000 + READOUT_MS);
    expect(hold.readout).toEqual({ peak: -11, rms: -14 });
    hold.read(-Infinity, -Infinity, false, 1000 + READOUT_MS + 1);
    expect(hold.readout).toEqual({ peak: -Infinity, rms: -Infinity });
  });
});
