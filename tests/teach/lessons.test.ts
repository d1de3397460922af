/**
 * The lessons against the physics: every lesson is complete (predict, listen, measure, check),
 * every setup it loads is valid, and every "correct" answer and every figure agrees with a
 * closed form computed here, independently of the model's code (only the catalog's figures
 * are shared). Tolerances: 1e-6 relative for closed forms of the same circuit (the model and
 * these formulas differ only in rounding); 1 % for the guitar's −3 dB point found here on a
 * 1/1000-decade grid.
 */
import { describe, expect, it } from 'vitest';
import { parseSetup } from '../../src/model/setup.ts';
import { lessons, type CheckStep, type Lesson, type LessonStep, type MeasureStep, type PredictStep } from '../../src/teach/lessons/index.ts';
import { db } from '../support/setups.ts';

const SQRT2 = Math.SQRT2;
const all = lessons();
const byId = (id: string): Lesson => {
  const lesson = all.find((l) => l.id === id);
  expect(lesson, id).toBeDefined();
  return lesson!;
};
const stepsOf = <K extends LessonStep['kind']>(lesson: Lesson, kind: K) => lesson.steps.filter((s): s is Extract<LessonStep, { kind: K }> => s.kind === kind);
const predict = (id: string): PredictStep => stepsOf(byId(id), 'predict')[0]!;
const check = (id: string): CheckStep => stepsOf(byId(id), 'check').at(-1)!;
const measure = (id: string, n = 0): MeasureStep => stepsOf(byId(id), 'measure')[n]!;
const figureValue = (step: MeasureStep, label: string): number => {
  const found = step.figures.find((f) => f.label === label);
  expect(found, label).toBeDefined();
  return found!.value;
};
const choiceText = (step: PredictStep | CheckStep) => step.choices.find((c) => c.id === step.correct)!.text;

describe('every lesson', () => {
  it('there are eight lessons with unique ids, in the order of the issues', () => {
    expect(all.map((l) => l.id)).toEqual(['voltage-divider', 'voltage-power', 'splitters', 'clipping', 'eighth-rule', 'bridging', 'amp-vs-interface', 'hiss']);
  });

  for (const lesson of all) {
    describe(lesson.title, () => {
      it('has at least four steps: it starts with a prediction, has listening and measuring, and ends with a check question', () => {
        expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
        const kinds = lesson.steps.map((s) => s.kind);
        expect(kinds[0]).toBe('predict');
        expect(kinds.at(-1)).toBe('check');
        for (const kind of ['predict', 'listen', 'measure', 'check'] as const) expect(kinds).toContain(kind);
        expect(kinds.indexOf('listen')).toBeLessThan(kinds.lastIndexOf('measure'));
      });

      it('every setup it loads is valid under the setup contract, and every listen step names a side and listener that exist', () => {
        for (const step of lesson.steps) {
          if (!step.pair) continue;
          for (const setup of [step.pair.a, step.pair.b]) {
            const parsed = parseSetup(JSON.parse(JSON.stringify(setup)));
            expect(parsed.ok ? [] : parsed.errors).toEqual([]);
          }
          if (step.kind === 'listen') {
            const setup = step.hear.side === 'A' ? step.pair.a : step.pair.b;
            expect(step.hear.listener ?? 0).toBeLessThan(setup.headphones.length);
            if (step.source && typeof step.source === 'object') {
              expect(step.source.sine.hz).toBeGreaterThanOrEqual(20);
              expect(step.source.sine.levelDbfs).toBeLessThanOrEqual(0);
            }
          }
        }
      });

      it('every question has unique choices, one of which is the model’s answer, and an explanation', () => {
        for (const step of lesson.steps) {
          if (step.kind !== 'predict' && step.kind !== 'check') continue;
          const ids = step.choices.map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBeGreaterThanOrEqual(3);
          expect(ids).toContain(step.correct);
          expect(step.explanation.length).toBeGreaterThan(20);
        }
      });

      it('every figure is a finite number with its text, and no text says NaN, undefined or Infinity', () => {
        for (const step of lesson.steps) {
          if (step.kind === 'measure') {
            expect(step.figures.length).toBeGreaterThan(0);
            for (const f of step.figures) {
              expect(Number.isFinite(f.value), f.label).toBe(true);
              expect(f.text.length).toBeGreaterThan(0);
            }
          }
          expect(JSON.stringify(step)).not.toMatch(/NaN|undefined|Infinity/);
        }
      });
    });
  }
});

describe('lesson 1, the voltage divider', () => {
  const emf = 10 ** (-20 / 20);
  it('1 V behind 2 Ω gives a 32 Ω headphone 32/34 of the EMF, behind 100 Ω only 32/132: 11.78 dB less', () => {
    const m = measure('voltage-divider');
    expect(figureValue(m, 'Voltage at the headphone, A (2 Ω)')).toBeCloseTo((emf * 32) / 34, 9);
    expect(figureValue(m, 'Voltage at the headphone, B (100 Ω)')).toBeCloseTo((emf * 32) / 132, 9);
    const drop = db(34 / 132);
    expect(drop).toBeCloseTo(-11.78, 2);
    expect(figureValue(m, 'B relative to A')).toBeCloseTo(drop, 6);
    expect(predict('voltage-divider').correct).toBe('large');
  });

  it('on a 100 Ω jack the 300 Ω headphone keeps the most of the EMF (300/400 against 32/132 and 16/116)', () => {
    const kept = { iem: 16 / 116, mid: 32 / 132, high: 300 / 400 };
    const best = Object.entries(kept).sort((x, y) => y[1] - x[1])[0]![0];
    expect(check('voltage-divider').correct).toBe(best);
  });
});

describe('lesson 2, voltage versus power', () => {
  const hd600DbPerV = 97 + 10 * Math.log10(1000 / 300);
  const inEarDbPerV = 100 + 10 * Math.log10(1000 / 16);
  const vHd = 10 ** ((110 - hd600DbPerV) / 20);
  const vIe = 10 ** ((110 - inEarDbPerV) / 20);

  it('for 110 dB SPL the 300 Ω HD 600 (97 dB/mW) needs 2.45 V and 11.5 mA, the 16 Ω in-ear (100 dB/mW) 0.40 V and 35.4 mA', () => {
    const m = measure('voltage-power');
    expect(figureValue(m, 'HD 600: voltage needed')).toBeCloseTo(vHd, 9);
    expect(figureValue(m, 'HD 600: peak current needed')).toBeCloseTo(((SQRT2 * vHd) / 300) * 1000, 6);
    expect(figureValue(m, 'HD 600: power needed')).toBeCloseTo(((vHd * vHd) / 300) * 1000, 6);
    expect(figureValue(m, 'In-ear: voltage needed')).toBeCloseTo(0.4, 9);
    expect(figureValue(m, 'In-ear: peak current needed')).toBeCloseTo(((SQRT2 * 0.4) / 16) * 1000, 6);
    expect(figureValue(m, 'In-ear: power needed')).toBeCloseTo(10, 6);
    expect(vHd).toBeGreaterThan(vIe);
    expect(predict('voltage-power').correct).toBe('hd600');
  });

  it('a 1 V, 2 Ω, 30 mA phone tops out at 102.2 dB SPL on the HD 600 (voltage) and 108.6 dB SPL on the in-ear (current): neither reaches 110', () => {
    const hdMax = hd600DbPerV + db(300 / 302);
    const clipDbfs = db(30 / ((SQRT2 * 1000) / 18));
    const ieMax = inEarDbPerV + db(16 / 18) + clipDbfs;
    const m = measure('voltage-power');
    expect(figureValue(m, 'HD 600: maximum clean SPL on the phone')).toBeCloseTo(hdMax, 6);
    expect(figureValue(m, 'In-ear: maximum clean SPL on the phone')).toBeCloseTo(ieMax, 6);
    expect(hdMax).toBeLessThan(110);
    expect(ieMax).toBeLessThan(110);
    expect(check('voltage-power').correct).toBe('neither');
  });
});

describe('lesson 3, splitters', () => {
  const change = (n: number, zo: number, z = 32) => db((z + zo) / (z + n * zo));
  it('two equal 32 Ω listeners on a 100 Ω source lose 4.90 dB each, four lose 10.30 dB each', () => {
    expect(change(2, 100)).toBeCloseTo(-4.9, 2);
    expect(change(4, 100)).toBeCloseTo(-10.3, 2);
    const m = measure('splitters');
    expect(figureValue(m, 'Two listeners, each')).toBeCloseTo(change(2, 100), 9);
    expect(figureValue(m, 'Four listeners, each')).toBeCloseTo(change(4, 100), 9);
    expect(predict('splitters').correct).toBe('five');
  });

  it('a distribution amp with independent outputs gives each of four listeners the level of one alone (0 dB), a passive splitter does not', () => {
    expect(check('splitters').correct).toBe('distribution');
    const listen = stepsOf(byId('splitters'), 'listen').at(-1)!;
    expect(listen.pair.b.amp?.outputs).toBe('independent');
    expect(listen.pair.b.headphones).toHaveLength(4);
  });
});

describe('lesson 4, headroom and clipping', () => {
  // iPhone 6: 1.016 V, 2.93 Ω, 77 mA peak; four 32 Ω K371 on 0.064 Ω branches.
  const load = (32 + 0.064) / 4;
  const peakMa = ((SQRT2 * 1.016) / (2.93 + load)) * 1000;
  const clipDbfs = db(77 / peakMa);

  it('four 32 Ω headphones on an iPhone 6 draw 131 mA peak at full scale against its 77 mA: it clips on current at −4.64 dBFS, 5.36 dB above a −10 dBFS signal', () => {
    expect(peakMa).toBeCloseTo(131.3, 1);
    const m = measure('clipping');
    expect(figureValue(m, 'A: source peak current at full scale')).toBeCloseTo(peakMa, 6);
    expect(figureValue(m, 'A: clipping starts at')).toBeCloseTo(clipDbfs, 9);
    expect(figureValue(m, 'A: headroom')).toBeCloseTo(clipDbfs + 10, 9);
    expect(predict('clipping').correct).toBe('current');
    expect(check('clipping').correct).toBe('five');
  });

  it('the listening sine lies past A’s limit, so the clipping shows on the oscilloscope and spectrum', () => {
    const listen = stepsOf(byId('clipping'), 'listen')[0]!;
    expect(typeof listen.source).toBe('object');
    const sine = (listen.source as { sine: { hz: number; levelDbfs: number } }).sine;
    expect(sine.levelDbfs).toBeGreaterThan(clipDbfs);
  });
});

describe('lesson 5, the 1/8 rule', () => {
  // Etymotic hf5: 17.2 Ω + jω·0.1 mH.
  const z = (hz: number) => ({ re: 17.2, im: 2 * Math.PI * hz * 1e-4 });
  const mag = (c: { re: number; im: number }) => Math.hypot(c.re, c.im);
  const divider = (hz: number, zo: number) => mag(z(hz)) / mag({ re: z(hz).re + zo, im: z(hz).im });

  it('a 120 Ω output lifts the hf5’s treble: +1.82 dB at 20 kHz against 1 kHz, because its impedance rises there', () => {
    const lift = db(divider(20_000, 120) / divider(1000, 120));
    expect(lift).toBeCloseTo(1.82, 2);
    expect(predict('eighth-rule').correct).toBe('up');
    // The spread runs from the bottom of the band (20 Hz, the lowest impedance) to 20 kHz.
    expect(figureValue(measure('eighth-rule'), 'A: response spread, 20 Hz–20 kHz')).toBeCloseTo(db(divider(20_000, 120) / divider(20, 120)), 6);
  });

  it('a 120 Ω output lifts the HD 650’s bass resonance (Re + jωLe + Rm‖Lm‖Cm) by 1.01 dB at 100 Hz against 1 kHz; 0.1 Ω leaves it flat', () => {
    // HD 650 network: Re 294.7 Ω, Le 1.788 mH, Rm 185.3 Ω, Lm 299.5 mH, Cm 8.46 µF.
    const zHd = (hz: number) => {
      const w = 2 * Math.PI * hz;
      // Motional admittance 1/Rm + 1/(jωLm) + jωCm, inverted.
      const y = { re: 1 / 185.3, im: -1 / (w * 0.2995) + w * 8.46e-6 };
      const yy = y.re ** 2 + y.im ** 2;
      return { re: 294.7 + y.re / yy, im: w * 1.788e-3 - y.im / yy };
    };
    const level = (hz: number, zo: number) => mag(zHd(hz)) / mag({ re: zHd(hz).re + zo, im: zHd(hz).im });
    const grid = Array.from({ length: 301 }, (_, k) => 20 * 10 ** (k / 100));
    const levels = grid.map((hz) => db(level(hz, 120) / level(1000, 120)));
    const peak = Math.max(...levels);
    const peakHz = grid[levels.indexOf(peak)]!;
    const m = measure('eighth-rule', 1);
    expect(figureValue(m, 'A: bass peak re 1 kHz')).toBeCloseTo(peak, 6);
    expect(figureValue(m, 'A: bass peak frequency')).toBeCloseTo(peakHz, 6);
    expect(peak).toBeCloseTo(1.01, 2);
    expect(figureValue(m, 'A: damping factor at 1 kHz')).toBeCloseTo(mag(zHd(1000)) / 120, 6);
    expect(figureValue(m, 'B: response spread, 20 Hz–20 kHz')).toBeLessThan(0.01);
  });

  it('only an output below 17.2/8 = 2.15 Ω passes the 1/8 rule: the 1.32 Ω HTC One M8, not the 2.93 Ω iPhone 6 or 120 Ω', () => {
    const zmin = mag(z(20));
    expect(zmin / 1.32).toBeGreaterThanOrEqual(8);
    expect(zmin / 2.93).toBeLessThan(8);
    expect(check('eighth-rule').correct).toBe('htc');
    expect(figureValue(measure('eighth-rule'), 'A: worst load/output impedance ratio (rule: ≥ 8)')).toBeCloseTo(zmin / 120, 6);
  });
});

describe('lesson 6, bridging versus matching', () => {
  const emf = 10 ** (-14 / 20);
  const power = (r: number, zo = 32) => ((emf * r) / (r + zo)) ** 2 / r;

  it('a 32 Ω source delivers the most power into 32 Ω (maximum power transfer), more than into 8 Ω or 300 Ω', () => {
    expect(power(32)).toBeGreaterThan(power(8));
    expect(power(32)).toBeGreaterThan(power(300));
    expect(predict('bridging').correct).toBe('load-32');
  });

  it('power matching delivers EMF/2, 25 % of the power of a 0 Ω source, and burns as much in the source (50 % efficiency)', () => {
    const m = measure('bridging');
    expect(figureValue(m, 'A: voltage at the headphone')).toBeCloseTo(emf / 2, 12);
    expect(figureValue(m, 'A: share of the EMF')).toBeCloseTo(50, 9);
    expect(figureValue(m, 'A: power, share of what a 0 Ω source gives')).toBeCloseTo(100 * (power(32) / (emf * emf / 32)), 9);
    expect(figureValue(m, 'A: power, share of what a 0 Ω source gives')).toBeCloseTo(25, 9);
    expect(figureValue(m, 'A: share of the power that reaches the headphone')).toBeCloseTo(50, 9);
    expect(figureValue(m, 'B: share of the power that reaches the headphone')).toBeCloseTo((100 * 32) / 32.5, 9);
  });

  it('a 600 Ω line output keeps 5.51 dB more into a 10 kΩ bridging input than into a 600 Ω matched one', () => {
    const gain = db(10_000 / 10_600 / 0.5);
    expect(gain).toBeCloseTo(5.51, 2);
    expect(check('bridging').correct).toBe('five');
  });
});

describe('lesson 7, amp versus audio interface', () => {
  it('at the same EMF a 0.1 Ω amp gives a 32 Ω headphone 12.2 dB more than a 100 Ω line output: the amp adds a low output impedance', () => {
    const viaAmp = (10_000 / 10_100) * (32 / 32.1);
    const direct = 32 / 132;
    expect(db(viaAmp / direct)).toBeCloseTo(12.2, 1);
    expect(predict('amp-vs-interface').correct).toBe('impedance');
    expect(choiceText(predict('amp-vs-interface'))).toMatch(/output impedance/);
  });

  it('a Stratocaster pickup keeps its treble only on the 1 MΩ instrument input: −3 dB near 7.4 kHz, against 1.06 kHz on a 10 kΩ line input', () => {
    // EMF ─ 6.5 kΩ ─ 2.4 H ─┬─ (100 pF + 3 m × 100 pF/m) ‖ 125 kΩ controls ‖ input
    const minus3 = (inputOhms: number): number => {
      const load = 1 / (1 / inputOhms + 1 / 125_000);
      const c = 400e-12;
      const h = (f: number) => {
        const w = 2 * Math.PI * f;
        // Z_sh = load / (1 + jωRC)
        const den = { re: 1, im: w * load * c };
        const dd = den.re ** 2 + den.im ** 2;
        const zsh = { re: (load * den.re) / dd, im: (-load * den.im) / dd };
        const total = { re: 6500 + zsh.re, im: w * 2.4 + zsh.im };
        return Math.hypot(zsh.re, zsh.im) / Math.hypot(total.re, total.im);
      };
      const h0 = load / (6500 + load);
      for (let k = 0; k < 5000; k++) {
        const f = 10 * 10 ** (k / 1000);
        if (h(f) < h0 / Math.SQRT2) return f;
      }
      return Infinity;
    };
    const m = measure('amp-vs-interface');
    expect(figureValue(m, 'Stratocaster into the hi-Z input: −3 dB at') / minus3(1e6)).toBeCloseTo(1, 2);
    expect(figureValue(m, 'Stratocaster into a line input: −3 dB at') / minus3(10_000)).toBeCloseTo(1, 2);
    expect(minus3(1e6)).toBeGreaterThan(minus3(10_000));
    expect(minus3(10_000)).toBeGreaterThan(minus3(2_000));
    expect(check('amp-vs-interface').correct).toBe('hi-z');
  });

  it('points to the input-side simulations (#input-side), which are being built', () => {
    expect(byId('amp-vs-interface').steps.some((s) => s.link?.href === '#input-side')).toBe(true);
  });
});

describe('lesson 8, hiss and sensitive in-ears', () => {
  // The SE846: 114 dB/mW at 9 Ω is 114 + 10·log10(1000/9) dB/V. The laptop jack: 1 V full output,
  // 97 dB(A) of dynamic range, 1 Ω. A-weighted noise into a resistive load: hiss = S_V + 20·log10(V_n · 9/10) dB SPL(A).
  const seDbPerVolt = 114 + 10 * Math.log10(1000 / 9);

  it('the laptop jack’s 97 dB(A) dynamic range hisses at S_V + 20·log10(10^(−97/20) · 9/10) = 36.5 dB SPL(A) in the SE846, plainly audible', () => {
    const hiss = figureValue(measure('hiss'), 'Hiss, A');
    expect(Math.abs(hiss - (seDbPerVolt + db(10 ** (-97 / 20) * (9 / 10))))).toBeLessThan(0.01);
    expect(hiss).toBeCloseTo(36.5, 1);
    expect(figureValue(measure('hiss'), 'Above the threshold of hearing, A')).toBeGreaterThan(25);
    expect(predict('hiss').correct).toBe('loud');
  });

  it('the music is within 1.5 dB on both setups while the hiss differs by 28 dB', () => {
    const m = measure('hiss');
    expect(Math.abs(figureValue(m, 'Music (1 kHz test tone), A') - figureValue(m, 'Music (1 kHz test tone), B'))).toBeLessThan(1.5);
    expect(figureValue(m, 'Hiss, A') - figureValue(m, 'Hiss, B')).toBeGreaterThan(27);
  });

  it('only a less sensitive headphone cures the hiss: the laptop’s noise ignores its digital volume, and an amp with gain raises it', () => {
    expect(check('hiss').correct).toBe('headphone');
    expect(choiceText(check('hiss'))).toContain('HD 600');
  });
});
