/**
 * Draft → setup: builds the candidate object from the typed text, validates it with the
 * model's own `parseSetup` (and a spec-sheet amp with `solveSpecSheet`), and files each
 * message under the field it names. A setup comes out only when everything is valid.
 */
import { parseSetup, SETUP_FORMAT_V3, withSetupFormat, type Setup } from '../../model/setup.ts';
import { solveSpecSheet, type SpecSheetFit } from '../../model/spec-sheet.ts';
import { CUSTOM, LOADED, NO_AMP, SPEC_SHEET, type Draft, type GearDraft, type ListenerDraft } from './draft.ts';
import { messagePath } from './field-errors.ts';

export interface Evaluation {
  /** The valid setup, or null while any field is invalid. */
  setup: Setup | null;
  /** Messages by field path (`headphones[0].impedance.nominalOhms`, `ratings[1].loadOhms`). */
  fieldErrors: Map<string, string[]>;
  /** Messages that name no field on the form. */
  otherErrors: string[];
  /** The spec-sheet fit, when the amp comes from a spec sheet and the ratings are valid. */
  fit: SpecSheetFit | null;
  /** The rail used for a spec-sheet amp whose ratings are all current-limited (a lower bound), else null. */
  assumedRailVrms: number | null;
}

/** '' → undefined (missing); a number → the number; anything else → the text itself, for the schema to reject. */
export function numberFromText(raw: string): number | string | undefined {
  const trimmed = raw.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return undefined;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  return raw.trim();
}

/** Optional fields: blank → left out (the contract reads a missing value as none). */
const optionalNumber = (raw: string): number | string | undefined => numberFromText(raw);

type AddMessage = (path: string, message: string) => void;

/**
 * A part's @3 fields for the candidate (gear-fields.ts edits them). A chosen hiss kind with no
 * number gets a message at its field and leaves the noise out; `add` then blocks the setup.
 */
function gearCandidate(gear: GearDraft, path: string, noise: boolean, add: AddMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (noise && gear.noiseKind !== 'none') {
    const value = numberFromText(gear.noiseValue);
    if (value === undefined) add(`${path}.noise.${gear.noiseKind}`, `${path}.noise.${gear.noiseKind} is required (a number), or choose "Not stated"`);
    else out.noise = { [gear.noiseKind]: value, weighting: gear.noiseWeighting };
  }
  const ground = numberFromText(gear.groundResistanceOhms);
  if (ground !== undefined) out.groundResistanceOhms = ground;
  return out;
}

function headphoneCandidate(listener: ListenerDraft, i: number, add: AddMessage): unknown {
  const gear = gearCandidate(listener.gear, `headphones[${i}]`, false, add);
  if (listener.choice !== CUSTOM && listener.part) {
    return { ...gear, name: listener.name, sensitivity: listener.part.sensitivity, impedance: listener.part.impedance };
  }
  return {
    ...gear,
    name: listener.name,
    sensitivity: { value: numberFromText(listener.sensitivity), unit: listener.unit },
    impedance: { nominalOhms: numberFromText(listener.nominalOhms) },
  };
}

function ratingsCandidate(draft: Draft, add: (path: string, message: string) => void): { powerMw: number; loadOhms: number }[] | null {
  let ok = true;
  const ratings = draft.amp.ratings.map((rating, i) => {
    const out: Record<string, number> = {};
    for (const key of ['powerMw', 'loadOhms'] as const) {
      const value = numberFromText(rating[key]);
      const path = `ratings[${i}].${key}`;
      if (value === undefined) {
        add(path, `${path} is required (a number)`);
        ok = false;
      } else if (typeof value === 'string') {
        add(path, `${path} must be a number (got ${JSON.stringify(value)})`);
        ok = false;
      } else {
        out[key] = value;
      }
    }
    return out as { powerMw: number; loadOhms: number };
  });
  return ok ? ratings : null;
}

export function evaluate(draft: Draft): Evaluation {
  const fieldErrors = new Map<string, string[]>();
  const otherErrors: string[] = [];
  let blocked = false;
  const add = (path: string, message: string): void => {
    fieldErrors.set(path, [...(fieldErrors.get(path) ?? []), message]);
  };
  // Messages of our own (not parseSetup's) stop the setup too.
  const block: AddMessage = (path, message) => {
    add(path, message);
    blocked = true;
  };
  let fit: SpecSheetFit | null = null;
  let assumedRailVrms: number | null = null;

  let amp: Record<string, unknown> | null = null;
  const choice = draft.amp.choice;
  if (choice !== NO_AMP) {
    const f = draft.amp.fields;
    amp = {
      ...gearCandidate(f.gear, 'amp', true, block),
      name: f.name,
      inputImpedanceOhms: numberFromText(f.inputImpedanceOhms),
      gainDb: numberFromText(f.gainDb),
      couplingCapacitorUf: optionalNumber(f.couplingCapacitorUf),
      outputs: draft.splitter.mode === 'distribution' ? 'independent' : 'shared',
    };
    if (choice === SPEC_SHEET) {
      // Placeholders keep parseSetup's messages about the other fields; `blocked` stops the setup.
      Object.assign(amp, { outputImpedanceOhms: 0, maxOutputVrms: 1, maxOutputCurrentMa: null });
      const ratings = ratingsCandidate(draft, add);
      if (!ratings) {
        blocked = true;
      } else {
        const solved = solveSpecSheet(ratings);
        if (!solved.ok) {
          blocked = true;
          for (const message of solved.errors) {
            const path = messagePath(message);
            if (path && /^ratings\[\d+\]\.\w+$/.test(path)) add(path, message);
            else add('ratings', message);
          }
        } else {
          fit = solved.value;
          if (fit.maxOutputVrms === null) assumedRailVrms = Math.max(...fit.ratings.map((r) => r.loadVoltageVrms));
          Object.assign(amp, {
            outputImpedanceOhms: fit.outputImpedanceOhms,
            maxOutputVrms: fit.maxOutputVrms ?? assumedRailVrms,
            maxOutputCurrentMa: fit.maxOutputCurrentMa,
          });
        }
      }
    } else {
      Object.assign(amp, {
        outputImpedanceOhms: numberFromText(f.outputImpedanceOhms),
        maxOutputVrms: numberFromText(f.maxOutputVrms),
        maxOutputCurrentMa: optionalNumber(f.maxOutputCurrentMa),
      });
    }
  }

  const s = draft.source;
  const mode = draft.splitter.mode;
  const cable = numberFromText(draft.splitter.cableResistanceOhms);
  const splitterGear = mode === 'none' ? {} : gearCandidate(draft.splitter.gear, 'splitter', false, block);
  // Independent outputs with a shared return but no cable stated: the cables are taken as 0 Ω.
  const splitter =
    mode === 'passive' || (mode === 'distribution' && (cable !== undefined || splitterGear.groundResistanceOhms !== undefined))
      ? { ...splitterGear, cableResistanceOhms: mode === 'passive' ? cable : (cable ?? 0) }
      : null;
  if (mode === 'distribution' && choice === NO_AMP) {
    add('splitter.mode', 'A distribution amp needs an amp: choose one in the Amp section.');
    blocked = true;
  }

  // Parsed as @3, the version that holds every field; written below in the oldest format that can hold it.
  const candidate = {
    ...draft.extra,
    format: SETUP_FORMAT_V3,
    signal: { levelDbfs: numberFromText(draft.levelDbfs) },
    source: {
      ...gearCandidate(s.gear, 'source', true, block),
      name: s.name,
      outputImpedanceOhms: numberFromText(s.outputImpedanceOhms),
      maxOutputVrms: numberFromText(s.maxOutputVrms),
      maxOutputCurrentMa: optionalNumber(s.maxOutputCurrentMa),
      couplingCapacitorUf: optionalNumber(s.couplingCapacitorUf),
      volumeDb: numberFromText(draft.volumeDb),
    },
    amp,
    splitter,
    headphones: draft.listeners.map((listener, i) => headphoneCandidate(listener, i, block)),
  };

  const parsed = parseSetup(candidate);
  if (!parsed.ok) {
    for (const message of parsed.errors) {
      let path = messagePath(message);
      let text = message;
      const impedance = path ? /^headphones\[(\d+)\]\.impedance$/.exec(path) : null;
      if (impedance && draft.listeners[Number(impedance[1])]?.choice === CUSTOM) {
        // A custom headphone has one impedance field: an empty one is "required", not "needs one of …".
        path = `${path}.nominalOhms`;
        text = `${path} is required (a number)`;
      }
      if (path) add(path, text);
      else otherErrors.push(message);
    }
  }
  for (const listener of draft.listeners) {
    if (listener.choice !== CUSTOM && listener.choice !== LOADED && !listener.part) otherErrors.push(`no catalog headphone "${listener.choice}"`);
  }
  // Through JSON, so the setup holds no `undefined` left by blank optional fields.
  const setup = parsed.ok && !blocked ? withSetupFormat(JSON.parse(JSON.stringify(parsed.value)) as Setup) : null;
  return { setup, fieldErrors, otherErrors, fit, assumedRailVrms };
}
