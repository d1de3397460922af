/** The readable table that `headroom report` prints. Numbers come from the report as they are. */
import type { Report } from '../model/report-contract.ts';
import type { Setup } from '../model/setup.ts';

const signed = (value: number, digits: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

export function formatHz(hz: number): string {
  if (hz >= 1000) return `${(hz / 1000).toFixed(hz >= 10_000 ? 1 : 2)} kHz`;
  return `${hz.toFixed(hz >= 100 ? 0 : 1)} Hz`;
}

export function formatVoltage(vrms: number): string {
  return vrms >= 1 ? `${vrms.toFixed(2)} V` : `${(vrms * 1000).toFixed(vrms >= 0.01 ? 1 : 2)} mV`;
}

export function formatPower(mw: number): string {
  if (mw >= 1000) return `${(mw / 1000).toFixed(2)} W`;
  if (mw >= 10) return `${mw.toFixed(1)} mW`;
  if (mw >= 0.01) return `${mw.toFixed(2)} mW`;
  return `${(mw * 1000).toFixed(2)} uW`;
}

function chainLine(setup: Setup): string {
  const parts = [`${setup.source.name} (${setup.source.outputImpedanceOhms} ohm, volume ${setup.source.volumeDb} dB)`];
  if (setup.amp) parts.push(`${setup.amp.name} (${signed(setup.amp.gainDb, 1)} dB, ${setup.amp.outputImpedanceOhms} ohm, ${setup.amp.outputs} outputs)`);
  if (setup.splitter) parts.push(`splitter (${setup.splitter.cableResistanceOhms} ohm per branch)`);
  parts.push(`${setup.headphones.length} listener${setup.headphones.length === 1 ? '' : 's'}`);
  return parts.join(' -> ');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

export function formatReport(setup: Setup, report: Report, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  lines.push(`Chain: ${chainLine(setup)}`);
  lines.push(`Signal: ${setup.signal.levelDbfs.toFixed(1)} dBFS sine; levels at 1 kHz, response 20 Hz-20 kHz re 1 kHz`);
  lines.push('');
  const header = ['#', 'Listener', 'Voltage', 'Power', 'SPL', 'vs alone', 'Max clean SPL', 'Headroom', 'Response', 'min / max at'];
  const rows = report.headphones.map((h, i) => {
    const d = h.responseDeviationDb;
    // Below half the last printed digit a deviation would print as ±0.00: call it flat.
    const flat = d.max - d.min < 0.005;
    return [
      String(i + 1),
      h.name,
      formatVoltage(h.loadVoltageVrms),
      formatPower(h.powerMw),
      `${h.splDb.toFixed(1)} dB`,
      `${signed(h.levelChangeDb, 2)} dB`,
      `${h.maxCleanSplDb.toFixed(1)} dB`,
      `${signed(h.maxCleanSplDb - h.splDb, 1)} dB`,
      flat ? 'flat' : `${signed(d.min, 2)}..${signed(d.max, 2)} dB`,
      flat ? '-' : `${formatHz(d.minHz)} / ${formatHz(d.maxHz)}`,
    ];
  });
  lines.push(table([header, ...rows]));
  lines.push('');
  const c = report.clipping;
  lines.push(
    c.limitedBy === 'none'
      ? 'Clipping: none up to 0 dBFS at this volume'
      : `Clipping: ${c.stage} ${c.limitedBy === 'rail' ? 'voltage rail' : 'current limit'} reached at ${c.atSignalDbfs.toFixed(2)} dBFS`,
  );
  return lines.join('\n');
}
