/**
 * A measured impedance curve from a file, onto one listener's headphone: the text exports of
 * REW, ARTA/LIMP, DATS (.zma) and plain `hz, ohms[, degrees]`, read by the model's own parser
 * (parseImpedanceCurve, docs/model.md 14.2). The headphone keeps its name and sensitivity and
 * gets the curve; a file that is not a curve changes nothing and says why, naming the line.
 */
import { CurveImportError, parseImpedanceCurve, type CurveFormat, type ImportedCurve } from '../../model/curve-import.ts';
import type { Headphone } from '../../model/setup.ts';
import { CUSTOM, LOADED, nominalGuess, shortText, type Draft, type ListenerDraft } from './draft.ts';
import { numberFromText } from './evaluate.ts';

/** Far above any measurement program's export (2000 points are a few tens of kB). */
export const MAX_CURVE_FILE_BYTES = 5_000_000;

export const CURVE_FILE_TYPES = '.txt,.csv,.zma,.frd,.dat,.tsv,text/plain,text/csv';

const FORMAT_NAME: Record<CurveFormat, string> = { rew: 'a REW export', 'arta-limp': 'an ARTA/LIMP export', dats: 'a DATS .zma file', plain: 'plain columns' };

/** "Line 3: …" as a sentence. */
const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** The file's text, or a message (too large, unreadable). */
export async function readCurveFile(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_CURVE_FILE_BYTES) {
    return { ok: false, message: `it is ${(file.size / 1e6).toFixed(1)} MB, and a curve file is at most ${MAX_CURVE_FILE_BYTES / 1e6} MB of text` };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch (error) {
    return { ok: false, message: `it could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Parses a file's text: the curve, or the parser's message (naming the line and the field's range). */
export function parseCurveText(text: string, fileName: string): { ok: true; value: ImportedCurve } | { ok: false; message: string } {
  try {
    return { ok: true, value: parseImpedanceCurve(text, fileName) };
  } catch (error) {
    if (error instanceof CurveImportError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Puts an import's outcome on the listener with `key`: the curve, or only the message. */
export function applyCurveImport(d: Draft, key: number, fileName: string, result: { ok: true; value: ImportedCurve } | { ok: false; message: string }): void {
  const index = d.listeners.findIndex((l) => l.key === key);
  const listener = d.listeners[index];
  if (!listener) return;
  const refused = (why: string): void => {
    d.listeners[index] = { ...listener, curveImport: { ok: false, text: `“${fileName}” was not imported: ${why} Nothing was changed.` } };
  };
  if (!result.ok) return refused(sentence(result.message));
  const sensitivity = sensitivityOf(listener);
  if (!sensitivity) return refused('a curve gives only the impedance, so type the headphone’s sensitivity first.');
  const imported = result.value;
  const part: Headphone = { name: listener.name, sensitivity, impedance: { curve: imported.curve } };
  const said = [
    `Imported ${imported.curve.length} points from “${fileName}” (${FORMAT_NAME[imported.format]}), phase ${imported.phase === 'measured' ? 'as measured' : 'derived'}.`,
    ...imported.notes.map(sentence),
  ];
  d.listeners[index] = { ...listener, choice: LOADED, picked: undefined, part, nominalOhms: shortText(nominalGuess(part)), curveImport: { ok: true, text: said.join(' ') } };
}

/** The sensitivity in use: the part's, or the custom field's when it holds a number. */
function sensitivityOf(listener: ListenerDraft): Headphone['sensitivity'] | null {
  if (listener.choice !== CUSTOM && listener.part) return listener.part.sensitivity;
  const value = numberFromText(listener.sensitivity);
  return typeof value === 'number' ? { value, unit: listener.unit } : null;
}
