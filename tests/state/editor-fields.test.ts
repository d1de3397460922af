/**
 * The setup editor's pure layer under its form: the numeric fields as data (field-specs.ts),
 * what choosing a part does to the draft (choices.ts) and the catalog search's list
 * (match-list.ts).
 */
import { describe, expect, it } from 'vitest';
import { amps, headphones, sources } from '../../src/model/catalog/index.ts';
import { catalog } from '../../src/model/catalog/full.ts';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { searchCatalog, type SearchHit } from '../../src/model/catalog/search.ts';
import { addListener, ampChoices, chooseAmp, chooseSplitter, editFittedFigures, FOUND, headphoneChoices, pickAmp, pickHeadphone, sourceChoices } from '../../src/state/editor/choices.ts';
import { CUSTOM, draftFromSetup, NO_AMP, SPEC_SHEET, type Draft } from '../../src/state/editor/draft.ts';
import { evaluate } from '../../src/state/editor/evaluate.ts';
import { AMP_FIELDS, AMP_OUTPUT_FIELDS, CABLE_FIELDS, fieldMessages, fieldPath, GROUND_FIELD, LEVEL_FIELDS, listenerFields, NOISE_FIELDS, ratingFields, SOURCE_FIELDS, type FieldSpec } from '../../src/state/editor/field-specs.ts';
import { EMPTY_LIST, keyed, SHOWN_MATCHES, typed } from '../../src/state/editor/match-list.ts';
import { rangeOf } from '../../src/state/editor/ranges.ts';

const presetDraft = (id = 'phone-hd600'): Draft => draftFromSetup(structuredClone(findPreset(id)!.setup));

interface Case {
  /** The part's setup path and its fields. */
  part: string;
  specs: readonly FieldSpec[];
  /** Puts the draft in the mode that shows these fields. */
  prepare: (d: Draft) => void;
  at: (d: Draft) => Record<string, string>;
}

const CASES: readonly Case[] = [
  { part: 'source', specs: SOURCE_FIELDS, prepare: (d) => (d.source.choice = CUSTOM), at: (d) => d.source as unknown as Record<string, string> },
  { part: 'amp', specs: [...AMP_FIELDS, ...AMP_OUTPUT_FIELDS], prepare: (d) => chooseAmp(d, CUSTOM), at: (d) => d.amp.fields as unknown as Record<string, string> },
  { part: 'splitter', specs: [CABLE_FIELDS.passive], prepare: (d) => chooseSplitter(d, 'passive'), at: (d) => d.splitter as unknown as Record<string, string> },
  { part: 'splitter', specs: [GROUND_FIELD], prepare: (d) => chooseSplitter(d, 'passive'), at: (d) => d.splitter.gear as unknown as Record<string, string> },
  { part: 'headphones[0]', specs: listenerFields('dB/V'), prepare: (d) => (d.listeners[0] = { ...d.listeners[0]!, choice: CUSTOM, part: null }), at: (d) => d.listeners[0] as unknown as Record<string, string> },
  { part: 'ratings[0]', specs: ratingFields(1), prepare: (d) => {
      chooseAmp(d, SPEC_SHEET);
      d.amp.ratings = [
        { powerMw: '200', loadOhms: '32' },
        { powerMw: '40', loadOhms: '300' },
      ];
    },
    at: (d) => d.amp.ratings[0] as unknown as Record<string, string> },
  { part: '', specs: LEVEL_FIELDS, prepare: () => undefined, at: (d) => d as unknown as Record<string, string> },
  { part: 'source', specs: [NOISE_FIELDS.uVrms], prepare: (d) => (d.source.gear.noiseKind = 'uVrms'), at: (d) => d.source.gear as unknown as Record<string, string> },
  { part: 'amp', specs: [NOISE_FIELDS.dynamicRangeDb], prepare: (d) => (chooseAmp(d, CUSTOM), (d.amp.fields.gear.noiseKind = 'dynamicRangeDb')), at: (d) => d.amp.fields.gear as unknown as Record<string, string> },
];

describe("the setup editor's numeric fields, as data", () => {
  it('a field’s path is where evaluate files the message about its text, so the message shows under that field', () => {
    for (const c of CASES) {
      for (const spec of c.specs) {
        const draft = presetDraft();
        c.prepare(draft);
        c.at(draft)[spec.key] = 'loud';
        const evaluation = evaluate(draft);
        const path = fieldPath(c.part, spec);
        expect(evaluation.setup, path).toBeNull();
        expect([...evaluation.fieldErrors.keys()], path).toEqual([path]);
      }
    }
  });

  it('every numeric field has an allowed range in the contract, so its message can name it', () => {
    for (const c of CASES) for (const spec of c.specs) expect(rangeOf(fieldPath(c.part, spec)), fieldPath(c.part, spec)).not.toBeNull();
  });

  it('a message gets the field’s range in words unless it already states it, and loses the path it starts with', () => {
    expect(fieldMessages(['ratings[0].loadOhms must be a number (got "x")'], 'ratings[0].loadOhms', 'Ω')).toEqual({ errors: ['Must be a number (got "x")'], allowed: '> 0 and ≤ 100000\u202fΩ' });
    const draft = presetDraft();
    draft.source.choice = CUSTOM;
    draft.source.outputImpedanceOhms = '-3';
    const messages = evaluate(draft).fieldErrors.get('source.outputImpedanceOhms')!;
    // The contract's quantities state their range in the message itself: not a second time.
    expect(fieldMessages(messages, 'source.outputImpedanceOhms', 'Ω').allowed).toBeUndefined();
    expect(fieldMessages([], 'source.outputImpedanceOhms', 'Ω')).toEqual({ errors: [] });
  });
});

describe('choosing a part in the setup editor', () => {
  it('a distribution amp makes the splitter a distribution amp; going back to no amp makes two listeners share a passive Y', () => {
    const draft = presetDraft('laptop-splitter-two-m50x');
    const distribution = amps.find((a) => a.part.outputs === 'independent')!;
    chooseAmp(draft, distribution.id);
    expect(draft.splitter.mode).toBe('distribution');
    expect(draft.splitter.cableResistanceOhms).toBe('');
    chooseAmp(draft, NO_AMP);
    expect(draft.splitter.mode).toBe('passive');
    expect(draft.splitter.cableResistanceOhms).not.toBe('');
    expect(evaluate(draft).setup).not.toBeNull();
  });

  it('a distribution splitter chosen with no amp starts from the catalog’s distribution amp', () => {
    const draft = presetDraft();
    chooseSplitter(draft, 'distribution');
    expect(amps.find((a) => a.id === draft.amp.choice)?.kind).toBe('distribution');
    expect(evaluate(draft).setup?.amp?.outputs).toBe('independent');
  });

  it('a spec-sheet amp is named for where it came from: from no amp, or after the catalog amp it starts from', () => {
    const fromNone = presetDraft();
    chooseAmp(fromNone, SPEC_SHEET);
    expect(fromNone.amp.fields.name).toBe('Amp from its spec sheet');
    const fromCatalog = presetDraft('phone-amp-hd600');
    const name = fromCatalog.amp.fields.name;
    chooseAmp(fromCatalog, SPEC_SHEET);
    expect(fromCatalog.amp.fields.name).toBe(`${name} (from its spec sheet)`);
  });

  it('a part found with the search that is not built in becomes a choice of its own, under “Found in the catalog”', () => {
    const draft = presetDraft();
    const amp = catalog.amps.find((a) => !amps.includes(a))!;
    pickAmp(draft, amp);
    expect(draft.amp.choice).toBe(amp.id);
    expect(ampChoices(draft.amp.picked).filter((c) => c.group === FOUND)).toEqual([{ value: amp.id, label: amp.part.name, group: FOUND }]);
    const headphone = catalog.headphones.find((h) => !headphones.includes(h))!;
    pickHeadphone(draft, 0, headphone);
    expect(draft.listeners[0]!.name).toBe(headphone.part.name);
    expect(headphoneChoices(draft.listeners[0]!).some((c) => c.value === headphone.id && c.group === FOUND)).toBe(true);
    // A built-in part is already a choice: it is not listed twice.
    expect(sourceChoices(sources[0]).filter((c) => c.value === sources[0]!.id)).toHaveLength(1);
  });
});

describe('editing the list and the fit', () => {
  it('a new listener is a copy of the last one with a key of its own', () => {
    const draft = presetDraft('laptop-splitter-two-m50x');
    const last = draft.listeners[draft.listeners.length - 1]!;
    addListener(draft);
    const added = draft.listeners[draft.listeners.length - 1]!;
    expect(added).toEqual({ ...last, key: added.key });
    expect(new Set(draft.listeners.map((l) => l.key)).size).toBe(draft.listeners.length);
  });

  it('a spec-sheet amp edited as custom values keeps the fitted output stage, to the 4 figures a field shows', () => {
    const draft = presetDraft();
    chooseAmp(draft, SPEC_SHEET);
    draft.amp.ratings = [
      { powerMw: '220', loadOhms: '16' },
      { powerMw: '120', loadOhms: '32' },
      { powerMw: '15', loadOhms: '300' },
    ];
    const { fit, assumedRailVrms } = evaluate(draft);
    expect(fit).not.toBeNull();
    editFittedFigures(draft, fit!, assumedRailVrms);
    expect(draft.amp.choice).toBe(CUSTOM);
    const amp = evaluate(draft).setup!.amp!;
    // shortText keeps 4 significant figures: within 5 parts in 10,000.
    const off = (value: number, fitted: number): number => Math.abs(value / fitted - 1);
    expect(off(amp.outputImpedanceOhms, fit!.outputImpedanceOhms)).toBeLessThanOrEqual(5e-4);
    expect(off(amp.maxOutputVrms, fit!.maxOutputVrms ?? assumedRailVrms!)).toBeLessThanOrEqual(5e-4);
  });
});

describe('the catalog search’s list', () => {
  const hits = (query: string): SearchHit[] => searchCatalog(catalog, query, { types: ['headphone'] });

  it('shows at most the first matches, the best one active, and says how many there are', () => {
    const all = hits('sennheiser');
    expect(all.length).toBeGreaterThan(SHOWN_MATCHES);
    const list = typed('sennheiser', all);
    expect(list.hits).toEqual(all.slice(0, SHOWN_MATCHES));
    expect(list.active).toBe(0);
    expect(list.status).toBe(`${all.length} matches; the first ${SHOWN_MATCHES} shown.`);
    expect(typed('zzzz', []).status).toBe('No match.');
    expect(typed('', []).open).toBe(false);
  });

  it('↓ and ↑ wrap around the matches; Enter picks the active one only while the list is open', () => {
    let list = typed('hd 6', hits('hd 6'));
    const count = list.hits.length;
    expect(keyed(list, 'ArrowUp').list.active).toBe(count - 1);
    for (let i = 0; i < count; i++) list = keyed(list, 'ArrowDown').list;
    expect(list.active).toBe(0);
    expect(keyed(list, 'Enter').pick).toBe(list.hits[0]);
    expect(keyed({ ...list, open: false }, 'Enter')).toEqual({ list: { ...list, open: false }, handled: true });
  });

  it('Escape closes the list, a second Escape clears the text, a third is left to the page', () => {
    const first = keyed(typed('hd', hits('hd')), 'Escape');
    expect(first.list.open).toBe(false);
    expect(first.list.query).toBe('hd');
    const second = keyed(first.list, 'Escape');
    expect(second.list.query).toBe('');
    expect(keyed(second.list, 'Escape').handled).toBe(false);
    expect(keyed(EMPTY_LIST, 'a')).toEqual({ list: EMPTY_LIST, handled: false });
  });
});
