/**
 * The report contracts as docs/model.md and docs/decisions.md state them, written independently of
 * the model's types: strict objects, so a renamed, missing or extra field fails.
 */
import { z } from 'zod';

// headroom/report@1 as docs/architecture.md ("The contracts") states it, written independently of the model's types:
// strict objects, so a renamed, missing or extra field fails.
const finite = z.number().refine(Number.isFinite);
const listenerV1 = {
  name: z.string(),
  loadVoltageVrms: finite.refine((v) => v > 0),
  powerMw: finite.refine((v) => v > 0),
  splDb: finite,
  levelChangeDb: finite,
  maxCleanSplDb: finite,
  responseDeviationDb: z.strictObject({ min: finite, max: finite, minHz: finite, maxHz: finite }),
  response: z.strictObject({ hz: z.array(finite).length(301), db: z.array(finite).length(301) }),
};
const clipping = z.strictObject({
  limitedBy: z.enum(['rail', 'current', 'none']),
  stage: z.enum(['source', 'amp']).nullable(),
  atSignalDbfs: finite.refine((v) => v <= 0),
});
export const reportV1 = z.strictObject({
  format: z.literal('headroom/report@1'),
  headphones: z.array(z.strictObject(listenerV1)).min(1).max(8),
  clipping,
});
// headroom/report@3 as docs/model.md (chapters 13 and 14.5) and docs/decisions.md state it: @1's listener plus advice and the gear figures.
const positive = finite.refine((v) => v > 0);
const reason = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['voltage', 'current']),
    shortfallDb: positive,
    stage: z.enum(['source', 'amp']),
    limit: z.enum(['rail', 'current', 'full-scale']),
    neededVrms: positive,
    loadOhms: positive,
    neededPeakMa: positive,
    text: z.string().min(1),
  }),
  z.strictObject({ kind: z.literal('output-impedance'), deviationDb: positive, maxOutputImpedanceOhms: positive, text: z.string().min(1) }),
  z.strictObject({ kind: z.literal('shared-output'), lossDb: positive, listeners: z.number().int().min(2), text: z.string().min(1) }),
  z.strictObject({ kind: z.literal('noise'), hissDbSplA: finite, aboveThresholdDb: z.number().min(0), text: z.string().min(1) }),
]);
export const reportV3 = z.strictObject({
  format: z.literal('headroom/report@3'),
  headphones: z
    .array(
      z.strictObject({
        ...listenerV1,
        // The gear figures (docs/model.md 14.5): null where they do not apply, never NaN or ±Infinity.
        impedanceFitErrorDb: finite.nullable(),
        hissDbSplA: finite.nullable(),
        hissAudible: z.boolean().nullable(),
        hissAboveThresholdDb: finite.nullable(),
        crosstalkDb: finite.nullable(),
        sharedReturnLossDb: finite.nullable(),
        crosstalk: z.strictObject({ hz: z.array(finite).length(301), db: z.array(finite).length(301) }).nullable(),
        advice: z.strictObject({ targetSplDb: finite, verdict: z.enum(['fine', 'improve']), reasons: z.array(reason), summary: z.string().min(1) }),
      }),
    )
    .min(1)
    .max(8),
  clipping,
  input: z.unknown().optional(),
});
