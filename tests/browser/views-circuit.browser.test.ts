/**
 * <headroom-circuit> in real Chromium: the diagram writes the report's own numbers on its
 * parts for 1, 2 and 8 listeners, says it all again in its <desc>, and fits a 390 px phone
 * without making the page scroll sideways (the diagram scrolls inside its own box).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { formatDb, formatMw, formatOhms, formatSignedDb, formatVrms } from '../../src/text/format.ts';
import '../../src/ui/views/headroom-circuit.ts';
import type { HeadroomCircuit } from '../../src/ui/views/headroom-circuit.ts';
import { amp, resistiveHeadphone, setup, source } from '../support/setups.ts';
import { mount, shoot, textOf, themedStage, type Scheme } from './views-support.ts';

beforeEach(async () => {
  // A desktop-sized page unless a test says otherwise (Vitest's default is a 414 px phone).
  await page.viewport(1000, 800);
});

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1000, 800);
});

async function mountCircuit(chain: Setup, heard: number | null = null, scheme: Scheme = 'light'): Promise<HeadroomCircuit> {
  const circuit = document.createElement('headroom-circuit');
  circuit.setup = chain;
  circuit.report = buildReport(chain);
  circuit.heardListener = heard;
  return mount(circuit, themedStage(scheme));
}

const svgOf = (circuit: HeadroomCircuit) => circuit.shadowRoot!.querySelector('svg')!;
const clean = (s: string) => s.replace(/[\s\u202f\u00a0]+/g, ' ');

function expectListenerValues(circuit: HeadroomCircuit): void {
  const report = circuit.report!;
  const svgText = textOf(svgOf(circuit));
  report.headphones.forEach((listener, i) => {
    const line = textOf(svgOf(circuit).querySelector(`text[data-listener="${i}"]`));
    expect(line).toBe(clean(`${formatVrms(listener.loadVoltageVrms)} · ${formatMw(listener.powerMw)} · ${formatDb(listener.splDb)} SPL`));
    expect(svgText).toContain(clean(listener.name.slice(0, 10)));
  });
}

describe('<headroom-circuit>', () => {
  it('draws one listener on a phone jack with the EMF, the output impedance, the divider drop and the report’s V, mW and dB SPL', async () => {
    const chain = setup({
      signal: { levelDbfs: -10 },
      source: source({ name: 'Phone jack', outputImpedanceOhms: 10, maxOutputVrms: 1 }),
      headphones: [resistiveHeadphone(32, 'IEM', 105)],
    });
    const circuit = await mountCircuit(chain);
    expectListenerValues(circuit);
    const text = textOf(svgOf(circuit));
    // EMF: 1 Vrms at 0 dB volume, −10 dBFS → 0.316 V; the divider 32/(32+10) loses 2.36 dB.
    expect(text).toContain(clean(formatVrms(10 ** (-10 / 20))));
    expect(text).toContain(clean(`Zo ${formatOhms(10)}`));
    expect(textOf(svgOf(circuit).querySelector('text.drop'))).toBe(clean(formatSignedDb(20 * Math.log10(32 / 42), 2)));
    expect(svgOf(circuit).getAttribute('role')).toBe('img');
    const desc = textOf(svgOf(circuit).querySelector('desc'));
    expect(desc).toContain('Source Phone jack: EMF 0.32 V, output impedance 10 Ω; its divider costs 2.36 dB.');
    expect(desc).toContain(clean(`Listener 1, IEM (32 Ω at 1 kHz): ${formatVrms(circuit.report!.headphones[0]!.loadVoltageVrms)}`));
    await shoot(circuit, 'circuit-1-listener');
  });

  it('draws an amp and a Y splitter with two listeners, their cable resistance, the loss vs alone and the heard one', async () => {
    const chain = setup({
      signal: { levelDbfs: 0 },
      source: source({ name: 'Laptop', outputImpedanceOhms: 2 }),
      amp: amp({ name: 'Desk amp', gainDb: 6, outputImpedanceOhms: 10, maxOutputVrms: 1.2 }),
      splitter: { cableResistanceOhms: 0.3 },
      headphones: [resistiveHeadphone(32, 'ATH-M50x', 99), resistiveHeadphone(300, 'HD 600', 97)],
    });
    const circuit = await mountCircuit(chain, 1);
    expectListenerValues(circuit);
    const text = textOf(svgOf(circuit));
    expect(text).toContain('Y SPLITTER');
    expect(text).toContain(clean(`${formatOhms(0.3)} per branch`));
    expect(text).toContain('+6 dB');
    expect(textOf(svgOf(circuit).querySelector('desc'))).toContain(clean(`input impedance ${formatOhms(10_000)}, gain +6.0 dB`));
    circuit.report!.headphones.forEach((listener) => expect(text).toContain(clean(`${formatSignedDb(listener.levelChangeDb)} vs alone`)));
    expect(text).toContain('HEARD');
    expect(svgOf(circuit).querySelectorAll('rect.load.heard')).toHaveLength(1);
    // The amp's 1.2 V rail is below the 2 V its EMF would need: the diagram says it clips.
    expect(circuit.report!.clipping.stage).toBe('amp');
    expect(text).toMatch(/CLIPS: rail at −\d+\.\d dBFS/);
    await shoot(circuit, 'circuit-amp-splitter-2');
  });

  it('draws eight listeners on independent amp outputs and fits a 390 px phone without page overflow, in dark colours', async () => {
    await page.viewport(390, 844);
    const phones = Array.from({ length: 8 }, (_, i) => resistiveHeadphone(i % 2 ? 300 : 32, `Listener ${String.fromCharCode(65 + i)}`, 100));
    const chain = setup({
      signal: { levelDbfs: -12 },
      source: source({ name: 'DAC', outputImpedanceOhms: 50 }),
      amp: amp({ name: 'Distribution amp', gainDb: 10, outputImpedanceOhms: 1, outputs: 'independent' }),
      headphones: phones,
    });
    const circuit = await mountCircuit(chain, 3, 'dark');
    expectListenerValues(circuit);
    expect(svgOf(circuit).querySelectorAll('rect.load')).toHaveLength(8);
    expect(textOf(svgOf(circuit))).toContain('INDEPENDENT OUTPUTS');
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    const scroller = circuit.shadowRoot!.querySelector<HTMLElement>('.scroll')!;
    expect(scroller.getBoundingClientRect().right).toBeLessThanOrEqual(390);
    // Text stays readable: the drawing shrinks to at most 70 % and scrolls inside its box beyond that.
    const svgBox = svgOf(circuit).getBoundingClientRect();
    expect(svgBox.width / svgOf(circuit).viewBox.baseVal.width).toBeGreaterThanOrEqual(0.7 - 1e-9);
    await shoot(circuit.parentElement!, 'circuit-8-listeners-dark-390');
  });

  it('fits two listeners on a passive splitter into a phone screen as well', async () => {
    await page.viewport(390, 844);
    const chain = setup({
      source: source({ outputImpedanceOhms: 100 }),
      splitter: { cableResistanceOhms: 0 },
      headphones: [resistiveHeadphone(32, 'Left'), resistiveHeadphone(32, 'Right')],
    });
    const circuit = await mountCircuit(chain);
    expectListenerValues(circuit);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    await shoot(circuit.parentElement!, 'circuit-2-listeners-390');
  });

  it('draws coupling capacitors and a current limit, and highlights nothing when no listener is heard', async () => {
    const chain = setup({
      signal: { levelDbfs: 0 },
      source: source({ name: 'Old player', outputImpedanceOhms: 33, couplingCapacitorUf: 100, maxOutputCurrentMa: 20 }),
      splitter: { cableResistanceOhms: 0.5 },
      headphones: [resistiveHeadphone(16, 'Portable 16', 104), resistiveHeadphone(16, 'Portable 16', 104), resistiveHeadphone(80, 'Studio 80', 96)],
    });
    const circuit = await mountCircuit(chain);
    expectListenerValues(circuit);
    const text = textOf(svgOf(circuit));
    expect(text).toContain(clean(`${100} µF`));
    expect(svgOf(circuit).querySelectorAll('rect.load.heard')).toHaveLength(0);
    expect(circuit.report!.clipping).toMatchObject({ stage: 'source', limitedBy: 'current' });
    expect(text).toMatch(/CLIPS: current limit at −\d+\.\d dBFS/);
    await shoot(circuit, 'circuit-capacitor-current-limit');
  });

  it('no two labels overlap at 1 to 8 listeners: source alone, amp and Y splitter, independent outputs with capacitors, a long source name beside a Y splitter', async () => {
    const longSource = source({ name: 'Apple iPhone 6 headphone jack (Lightning adapter)', couplingCapacitorUf: 220 });
    const longAmp = amp({ name: 'Schiit Magni 2 (high gain) desktop amplifier', couplingCapacitorUf: 470 });
    const chains = (n: number): Setup[] => {
      const phones = Array.from({ length: n }, (_, i) => resistiveHeadphone(32 + 10 * i, `Sennheiser HD 600 number ${i + 1}`));
      return [
        setup({ source: longSource, headphones: phones }),
        setup({ source: longSource, amp: longAmp, splitter: { cableResistanceOhms: 0.2 }, headphones: phones }),
        setup({ source: longSource, amp: { ...longAmp, outputs: 'independent' }, headphones: phones }),
        setup({ source: source({ name: 'Tiny' }), splitter: { cableResistanceOhms: 0.2 }, headphones: phones }),
        setup({ source: longSource, splitter: { cableResistanceOhms: 0.2 }, headphones: phones }),
      ];
    };
    for (let n = 1; n <= 8; n++) {
      for (const [c, chain] of chains(n).entries()) {
        const circuit = await mountCircuit(chain, 0);
        const boxes = [...svgOf(circuit).querySelectorAll('text')].map((t) => ({ text: t.textContent!, box: t.getBBox() }));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.box;
            const b = boxes[j]!.box;
            // Boxes of glyph extents may touch; they must not cover each other (0.5 px for rounding).
            const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
            expect(overlap, `${n} listeners, chain ${c}: "${boxes[i]!.text}" and "${boxes[j]!.text}"`).toBe(false);
          }
        }
        circuit.parentElement!.remove();
      }
    }
  });

  it('shows a placeholder without a setup', async () => {
    const circuit = await mount(document.createElement('headroom-circuit'));
    expect(textOf(circuit.shadowRoot)).toContain('No setup to show.');
  });
});
