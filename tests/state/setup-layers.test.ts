import { describe, expect, it } from 'vitest';
import { defaultPresetId } from '../../src/model/catalog/presets.ts';
import { decodeUrlState, defaultPair, type SetupPair } from '../../src/state/index.ts';
import { lessonOrigin, ownAddress, SetupLayers, unopenedLinkSetups, type LayerOrigin } from '../../src/state/setup-layers.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const claim: LayerOrigin = { kind: 'claim', title: 'the demonstration “x”', short: 'a claim’s demonstration' };
const pairOf = (ohms: number): SetupPair => ({ a: setup({ headphones: [resistiveHeadphone(ohms)] }), b: setup({ headphones: [resistiveHeadphone(ohms * 2)] }) });

describe('the setup layers: the user’s own pair is never lost', () => {
  it('a layer plays on top of the user’s pair, and Back to my setups plays their pair again, exactly as it was', () => {
    const own = pairOf(32);
    const layers = new SetupLayers(own);
    layers.showLayer(pairOf(300), claim);
    expect(layers.playing).toEqual(pairOf(300));
    expect(layers.own).toBe(own);
    expect(layers.backToOwn()).toBe(true);
    expect(layers.playing).toBe(own);
    expect(layers.backToOwn()).toBe(false);
  });

  it('an edit while a layer plays changes the layer (marked edited), not the user’s pair, and asks for no save', () => {
    const own = pairOf(32);
    const layers = new SetupLayers(own);
    layers.showLayer(pairOf(300), claim);
    const edited = setup({ headphones: [resistiveHeadphone(80)] });
    expect(layers.edit('B', edited)).toBe(false);
    expect(layers.layer).toMatchObject({ edited: true, pair: { b: edited } });
    expect(layers.own).toBe(own);
  });

  it('an edit without a layer changes the user’s pair on its side and asks for a save', () => {
    const layers = new SetupLayers(pairOf(32));
    const edited = setup({ headphones: [resistiveHeadphone(80)] });
    expect(layers.edit('A', edited)).toBe(true);
    expect(layers.own).toEqual({ a: edited, b: pairOf(32).b });
  });

  it('every replacement is undone in reverse order, each restoring the pair before it and dropping any layer', () => {
    const layers = new SetupLayers(pairOf(32));
    layers.replaceOwn(pairOf(50), 'Loaded the preset “p”');
    layers.showLayer(pairOf(300), claim);
    expect(layers.keepLayer()).toBe('Kept the setups of the demonstration “x”');
    expect(layers.own).toEqual(pairOf(300));
    layers.showLayer(pairOf(600), claim);
    expect(layers.undo()?.label).toBe('Kept the setups of the demonstration “x”');
    expect(layers.layer).toBeNull();
    expect(layers.own).toEqual(pairOf(50));
    expect(layers.undo()?.label).toBe('Loaded the preset “p”');
    expect(layers.own).toEqual(pairOf(32));
    expect(layers.undo()).toBeNull();
  });

  it('an undo restores a copy: changing the pair after remembering it does not change what comes back', () => {
    const saved = pairOf(32);
    const layers = new SetupLayers(pairOf(50));
    layers.remember('Opened the setups of the link', saved);
    saved.a.headphones[0]!.name = 'changed afterwards';
    expect(layers.undo()?.pair).toEqual(pairOf(32));
    expect(layers.own).toEqual(pairOf(32));
  });

  it('keeping with no layer playing replaces nothing', () => {
    const own = pairOf(32);
    const layers = new SetupLayers(own);
    expect(layers.keepLayer()).toBeNull();
    expect(layers.own).toBe(own);
    expect(layers.undo()).toBeNull();
  });
});

describe('the address of the user’s pair', () => {
  it('a preset’s pair is written as its id, without the a/b parameters or a share link’s compact pair', () => {
    const url = ownAddress('https://x.test/?p=stale&a=old&keep=1', defaultPair());
    if (!url.ok) throw new Error(url.errors.join('; '));
    expect([...url.value.searchParams.keys()].sort()).toEqual(['keep', 'preset']);
    expect(url.value.searchParams.get('preset')).toBe(defaultPresetId);
  });

  it('a pair that is no preset is written as a/b parameters that decode to the same pair, and the compact pair goes', () => {
    const pair = pairOf(33);
    const url = ownAddress('https://x.test/?p=stale&lesson=l1', pair);
    if (!url.ok) throw new Error(url.errors.join('; '));
    expect(url.value.searchParams.has('p')).toBe(false);
    expect(url.value.searchParams.get('lesson')).toBe('l1');
    expect(decodeUrlState(url.value)).toMatchObject({ kind: 'ok', pair });
  });

  it('a link’s setups that were not opened are named for removal; opened ones and a link without setups are not', () => {
    expect(unopenedLinkSetups('https://x.test/?a=broken', 'saved')).toBe(true);
    expect(unopenedLinkSetups('https://x.test/?p=broken', 'default')).toBe(true);
    expect(unopenedLinkSetups('https://x.test/?a=ok', 'url')).toBe(false);
    expect(unopenedLinkSetups('https://x.test/?preset=phone-hd600', 'preset')).toBe(false);
    expect(unopenedLinkSetups('https://x.test/?lesson=l1', 'saved')).toBe(false);
  });
});

describe('a lesson layer’s origin', () => {
  it('names the lesson and counts steps from 1 for the screen', () => {
    expect(lessonOrigin('impedance', 'Output impedance', 2)).toEqual({
      kind: 'lesson',
      lessonId: 'impedance',
      title: 'lesson “Output impedance”, step 3',
      short: 'the lesson’s setups (step 3)',
      step: 3,
    });
  });
});
