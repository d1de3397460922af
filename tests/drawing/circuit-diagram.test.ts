/**
 * The circuit diagram as geometry (src/drawing/circuit-diagram.ts): which parts a chain gets,
 * where they sit relative to each other, and what their labels say. <headroom-circuit>'s
 * browser tests check the drawing itself (pixels, no overlapping glyphs, the phone layout).
 */
import { describe, expect, it } from 'vitest';
import { circuitDiagram, type CircuitDiagram, type Part, type ResistorRole } from '../../src/drawing/circuit-diagram.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { formatDbfs, formatOhms, formatSignedDb } from '../../src/text/format.ts';
import { amp, db, resistiveHeadphone, setup, source } from '../support/setups.ts';

const draw = (chain: Setup, heard: number | null = null): CircuitDiagram => circuitDiagram(chain, buildReport(chain), heard);
const ofKind = <K extends Part['kind']>(d: CircuitDiagram, kind: K) => d.parts.filter((p): p is Extract<Part, { kind: K }> => p.kind === kind);
const resistors = (d: CircuitDiagram, role: ResistorRole) => ofKind(d, 'resistor').filter((r) => r.role === role);
const texts = (d: CircuitDiagram) => ofKind(d, 'text').map((t) => ({ ...t, content: t.spans.map((s) => s.text).join('') }));
const centreY = (box: { y: number; height: number }) => box.y + box.height / 2;
const phones = (n: number) => Array.from({ length: n }, (_, i) => resistiveHeadphone(32 * (i + 1), `Listener ${i + 1}`));

describe('circuit diagram', () => {
  it('a 4-way splitter draws four branches, each with its cable resistor in line with its listener’s load', () => {
    const d = draw(setup({ splitter: { cableResistanceOhms: 0.3 }, headphones: phones(4) }));
    const loads = ofKind(d, 'load');
    const cables = resistors(d, 'cable');
    expect(loads).toHaveLength(4);
    expect(cables).toHaveLength(4);
    cables.forEach((cable, i) => {
      expect(centreY(cable)).toBe(centreY(loads[i]!));
      expect(cable.x + cable.width).toBeLessThan(loads[i]!.x);
    });
    // Each cable's value is written over it.
    const cableLabels = texts(d).filter((t) => t.content === formatOhms(0.3));
    expect(cableLabels.map((t) => t.x)).toEqual(cables.map((c) => c.x + c.width / 2));
    expect(texts(d).map((t) => t.content)).toContain('Y SPLITTER');
  });

  it('listeners sit one row (64 px) apart and the drawing grows by a row for each one', () => {
    const two = draw(setup({ splitter: { cableResistanceOhms: 0 }, headphones: phones(2) }));
    const three = draw(setup({ splitter: { cableResistanceOhms: 0 }, headphones: phones(3) }));
    const rows = ofKind(three, 'load').map(centreY);
    expect(rows[1]! - rows[0]!).toBe(64);
    expect(rows[2]! - rows[1]!).toBe(64);
    expect(three.height - two.height).toBe(64);
  });

  it('a source alone has one output impedance, its divider loss under it, one load and no “vs alone” change', () => {
    // A 10 Ω source into 32 Ω: the divider 32/42 costs 2.36 dB, drawn as a big drop (1 dB or more).
    const d = draw(setup({ source: source({ outputImpedanceOhms: 10 }), headphones: [resistiveHeadphone(32, 'IEM')] }));
    expect(ofKind(d, 'resistor').map((r) => r.role)).toEqual(['source output']);
    expect(ofKind(d, 'generator')).toHaveLength(1);
    expect(ofKind(d, 'load')).toHaveLength(1);
    const drop = texts(d).find((t) => t.style.startsWith('drop'))!;
    expect(drop).toMatchObject({ style: 'drop big', content: formatSignedDb(db(32 / 42), 2) });
    expect(texts(d).some((t) => t.content.endsWith('vs alone'))).toBe(false);
  });

  it('a divider that costs under 1 dB is a plain drop, not a big one', () => {
    // 1 Ω into 300 Ω: 0.03 dB.
    const d = draw(setup({ source: source({ outputImpedanceOhms: 1 }), headphones: [resistiveHeadphone(300)] }));
    expect(texts(d).find((t) => t.style.startsWith('drop'))).toMatchObject({ style: 'drop', content: formatSignedDb(db(300 / 301), 2) });
  });

  it('an amp with shared outputs has one output impedance; with independent outputs each listener has its own, with its divider loss', () => {
    const shared = draw(setup({ amp: amp({ outputImpedanceOhms: 10 }), headphones: phones(3) }));
    expect(resistors(shared, 'amp input')).toHaveLength(1);
    expect(resistors(shared, 'amp output')).toHaveLength(1);
    expect(resistors(shared, 'jack output')).toHaveLength(0);
    const independent = draw(setup({ amp: amp({ outputImpedanceOhms: 10, outputs: 'independent' }), headphones: phones(3) }));
    expect(resistors(independent, 'amp output')).toHaveLength(0);
    const jacks = resistors(independent, 'jack output');
    expect(jacks.map(centreY)).toEqual(ofKind(independent, 'load').map(centreY));
    // Each jack's own divider: 10 Ω into 32, 64 and 96 Ω.
    const drops = texts(independent).filter((t) => t.style.startsWith('drop') && t.x === jacks[0]!.x + jacks[0]!.width / 2);
    expect(drops.map((t) => t.content)).toEqual([32, 64, 96].map((z) => formatSignedDb(db(z / (z + 10)), 2)));
    expect(texts(independent).map((t) => t.content)).toContain('INDEPENDENT OUTPUTS');
  });

  it('coupling capacitors sit in the line of the stage that has them: one for the source, one per branch on independent outputs', () => {
    const d = draw(setup({ source: source({ couplingCapacitorUf: 220 }), amp: amp({ outputs: 'independent', couplingCapacitorUf: 470 }), headphones: phones(3) }));
    const capacitors = ofKind(d, 'capacitor');
    expect(capacitors).toHaveLength(1 + 3);
    const sourceZo = resistors(d, 'source output')[0]!;
    expect(capacitors[0]!.x).toBeGreaterThan(sourceZo.x + sourceZo.width);
    expect(capacitors.slice(1).map((c) => c.y)).toEqual(ofKind(d, 'load').map(centreY));
  });

  it('only the heard listener’s load is marked heard, with a HEARD tag over it; with none heard, none is', () => {
    const chain = setup({ splitter: { cableResistanceOhms: 0.2 }, headphones: phones(3) });
    const d = draw(chain, 1);
    expect(ofKind(d, 'load').map((l) => l.heard)).toEqual([false, true, false]);
    const tag = texts(d).find((t) => t.content === 'HEARD')!;
    const heard = ofKind(d, 'load')[1]!;
    expect(tag.y).toBeLessThan(heard.y);
    expect(tag.x).toBeLessThanOrEqual(heard.x + heard.width);
    expect(ofKind(draw(chain, null), 'load').some((l) => l.heard)).toBe(false);
    expect(d.description.join(' ')).toContain('Listener 2 (heard)');
  });

  it('every listener’s values line carries the report’s voltage, power and SPL, tagged with its index', () => {
    const chain = setup({ splitter: { cableResistanceOhms: 0.2 }, headphones: phones(3) });
    const report = buildReport(chain);
    const lines = texts(circuitDiagram(chain, report, null)).filter((t) => t.listener !== undefined);
    expect(lines.map((t) => t.listener)).toEqual([0, 1, 2]);
    lines.forEach((line) => expect(line.spans.filter((s) => s.style === 'strong')).toHaveLength(2));
    expect(lines.map((t) => t.content.includes(' SPL'))).toEqual([true, true, true]);
    expect(report.headphones).toHaveLength(3);
  });

  it('each stage’s heading ends before the next stage’s heading starts, however long the names', () => {
    const long = 'A very long name that would run across the whole diagram';
    const d = draw(setup({ source: source({ name: long }), amp: amp({ name: long }), splitter: { cableResistanceOhms: 0.2 }, headphones: phones(2) }));
    // The headings: kind at y = 18, name at y = 36, each starting at its stage's x.
    const heads = texts(d).filter((t) => t.y === 18);
    const names = texts(d).filter((t) => t.y === 36);
    expect(heads.map((t) => t.content)).toEqual(['SOURCE', 'AMP', 'Y SPLITTER']);
    names.slice(0, 2).forEach((name, i) => {
      expect(name.content.endsWith('…')).toBe(true);
      // 8.6 px is the widest 13 px bold character (an over-estimate), 12 px the gap kept.
      expect(name.x + name.content.length * 8.6).toBeLessThanOrEqual(heads[i + 1]!.x - 12);
    });
  });

  it('a stage whose rail limits the signal below the test level is said to clip, under that stage', () => {
    // A 1.2 V rail after +6 dB of gain on a 1 V source at 0 dBFS: it clips at 20·log10(1.2 / 10^(6/20)) = −4.4 dBFS.
    const d = draw(setup({ amp: amp({ gainDb: 6, maxOutputVrms: 1.2 }), headphones: phones(1) }));
    const at = formatDbfs(db(1.2 / 10 ** (6 / 20)));
    const note = texts(d).find((t) => t.style === 'clips')!;
    expect(note.content).toBe(`CLIPS: rail at ${at}`);
    expect(note.y).toBe(d.height - 8);
    expect(d.description.at(-1)).toBe(`The voltage rail of the amp is reached at ${at}, below the test signal: it clips.`);
    expect(draw(setup({ headphones: phones(1) })).description.at(-1)).toBe('No stage clips up to 0 dBFS.');
  });
});
