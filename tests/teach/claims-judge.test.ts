/**
 * The claims as the checker shows them for a pair of setups: a verdict per side, one for both
 * when A and B are the same, the demonstrations' verdicts for the N the reader typed, and the
 * sentences that head a claim and title a loaded demonstration.
 */
import { describe, expect, it } from 'vitest';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { claims } from '../../src/teach/claims/index.ts';
import { claimSentence, demonstrationTitle, demonstrationVerdicts, judgeClaims, THRESHOLD_CLAIM } from '../../src/teach/claims/judge.ts';

describe('the claims are judged for setups A and B', () => {
  it('every claim, in the checker’s order, gets A’s and B’s own verdicts', () => {
    const pair = defaultPair();
    const judged = judgeClaims(pair, { thresholdOhms: 100 });
    expect(judged.map((j) => j.claim.id)).toEqual(claims.map((c) => c.id));
    for (const { claim, a, b } of judged) {
      expect(a.verdict, claim.id).toBe(claim.evaluate(pair.a, { thresholdOhms: 100 }).verdict);
      expect(b?.verdict, claim.id).toBe(claim.evaluate(pair.b, { thresholdOhms: 100 }).verdict);
    }
  });

  it('when A and B are the same setup each claim is judged once, for both', () => {
    const { a } = defaultPair();
    for (const judged of judgeClaims({ a, b: structuredClone(a) }, {})) expect(judged.b, judged.claim.id).toBeNull();
  });

  it('the N claim reads the N it is given: above 500 Ω only a 600 Ω headphone is left to judge', () => {
    const at = (thresholdOhms: number) => judgeClaims(defaultPair(), { thresholdOhms }).find((j) => j.claim.id === THRESHOLD_CLAIM)!.a;
    expect(at(100).numbers.length).toBeGreaterThan(at(500).numbers.length);
  });
});

describe('a claim’s demonstrations are judged for the N typed', () => {
  it('each demonstration gets the claim’s verdicts of its A and B, again for another N', () => {
    const claim = claims.find((c) => c.id === THRESHOLD_CLAIM)!;
    for (const thresholdOhms of [100, 500, 100]) {
      const expected = claim.demonstrations.map(({ pair }) => [claim.evaluate(pair.a, { thresholdOhms }).verdict, claim.evaluate(pair.b, { thresholdOhms }).verdict]);
      expect(demonstrationVerdicts(claim, { thresholdOhms }), String(thresholdOhms)).toEqual(expected);
    }
  });
});

describe('a claim is written as it circulates', () => {
  it('the heading drops the full stop and the N claim shows its N', () => {
    const claim = claims.find((c) => c.id === THRESHOLD_CLAIM)!;
    expect(claimSentence(claim, 250)).toBe('You need an amp above 250 Ω');
    for (const c of claims) expect(claimSentence(c, 100), c.id).not.toMatch(/\.$/);
  });

  it('a loaded demonstration is titled by its claim and its own label', () => {
    const claim = claims.find((c) => c.id === 'splitter-halves-volume')!;
    const demo = claim.demonstrations[0]!;
    expect(demonstrationTitle(claim, demo)).toBe(`A splitter halves the volume: ${demo.label}`);
  });
});
