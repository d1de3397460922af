import { describe, expect, it } from 'vitest';
import { defaultPresetId } from '../../src/model/catalog/presets.ts';
import { decodeUrlState, defaultPair, type SetupPair } from '../../src/state/index.ts';
import { lessonOrigin, ownAddress, SetupLayers, unopenedLinkSetups, type LayerOrigin } from '../../src/state/setup-layers.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const claim: LayerOrigin = { kind: 'claim', title: 'the demonstration “x”', short: 'a claim’s demonstration' };
const pairOf = (ohms: number): SetupPair => ({ a: setup({ headphones: [resistiveHeadphone(ohms)] }), b: setup({ headphones: [resistiveHeadphone(ohms * 2)] }) });

/** The layers with their hooks counted: a save of the user's pair, a change of what plays. */
class Counted extends SetupLayers {
  saves = 0;
  changes = 0;
  protected override saveOwn(): void {
    this.saves += 1;
  }
  protected override changed(): void {
    this.changes += 1;
  }
}

describe('the setup layers: the user’s own pair is never lost', () => {
  it('a layer plays on top of the user’s pair, and Back to my setups plays their pair again, exactly as it was, saving nothing', () => {
    const own = pairOf(32);
    const layers = new Counted(own);
    layers.showLayer(pairOf(300), claim);
    expect(layers.playing).toEqual(pairOf(300));
    expect(layers.own).toBe(own);
    layers.backToOwn();
    expect(layers.playing).toBe(own);
    expect(layers.changes).toBe(2);
    layers.backToOwn();
    expect(layers.changes).toBe(2);
    expect(layers.saves).toBe(0);
  });

  it('an edit while a layer plays changes the layer (marked edited), not the user’s pair, and saves nothing', () => {
    const own = pairOf(32);
    const layers = new Counted(own);
    layers.showLayer(pairOf(300), claim);
    const edited = setup({ headphones: [resistiveHeadphone(80)] });
    layers.edit('B', edited);
    expect(layers.layer).toMatchObject({ edited: true, pair: { b: edited } });
    expect(layers.own).toBe(own);
    expect(layers.saves).toBe(0);
  });

  it('an edit without a layer changes the user’s pair on its side and saves it', () => {
    const layers = new Counted(pairOf(32));
    const edited = setup({ headphones: [resistiveHeadphone(80)] });
    layers.edit('A', edited);
    expect(layers.own).toEqual({ a: edited, b: pairOf(32).b });
    expect(layers.saves).toBe(1);
  });

  it('every replacement is undone in reverse order, each restoring (and saving) the pair before it and dropping any layer', () => {
    const layers = new Counted(pairOf(32));
    layers.replaceOwn(pairOf(50), 'Loaded the preset “p”');
    layers.showLayer(pairOf(300), claim);
    layers.keepLayer();
    expect(layers.notice).toBe('Kept the setups of the demonstration “x”');
    expect(layers.own).toEqual(pairOf(300));
    layers.showLayer(pairOf(600), claim);
    expect(layers.undo()).toBe(true);
    expect(layers.notice).toBeNull();
    expect(layers.layer).toBeNull();
    expect(layers.own).toEqual(pairOf(50));
    expect(layers.undo()).toBe(true);
    expect(layers.own).toEqual(pairOf(32));
    expect(layers.saves).toBe(4);
    expect(layers.undo()).toBe(false);
  });

  it('an undo restores a copy: changing the pair after remembering it does not change what comes back', () => {
    const saved = pairOf(32);
    const layers = new SetupLayers(pairOf(50));
    layers.remember('Opened the setups of the link', saved);
    expect(layers.notice).toBe('Opened the setups of the link');
    saved.a.headphones[0]!.name = 'changed afterwards';
    layers.undo();
    expect(layers.own).toEqual(pairOf(32));
  });

  it('keeping with no layer playing replaces nothing', () => {
    const own = pairOf(32);
    const layers = new Counted(own);
    layers.keepLayer();
    expect(layers.own).toBe(own);
    expect(layers.notice).toBeNull();
    expect(layers.undo()).toBe(false);
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
