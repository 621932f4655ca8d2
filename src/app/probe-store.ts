/** The Infoplus probe's findings in the data folder: JSON the client adapts to, text a user sends to support. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProbeReport, type ProbeReport } from '../infoplus/probe.js';

/** File names in the data folder. */
export const PROBE_JSON = 'infoplus-probe.json';
export const PROBE_TEXT = 'infoplus-probe-report.txt';

async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}

/** Saves the findings; returns the paths of the JSON and the text report. */
export async function saveProbeReport(
  dataDir: string,
  report: ProbeReport,
): Promise<{ json: string; text: string }> {
  await mkdir(dataDir, { recursive: true });
  const json = join(dataDir, PROBE_JSON);
  const text = join(dataDir, PROBE_TEXT);
  await writeAtomic(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeAtomic(text, formatProbeReport(report));
  return { json, text };
}

/**
 * The last findings for this tenant API (same base URL), or null: none saved, unreadable (then the client
 * keeps its defaults; a broken file must not stop a sync), or about another tenant.
 */
export async function loadProbeReport(dataDir: string, baseUrl: string): Promise<ProbeReport | null> {
  try {
    const report = JSON.parse(await readFile(join(dataDir, PROBE_JSON), 'utf8')) as ProbeReport;
    return report.baseUrl === baseUrl &&
      (report.adapt?.filterOperators === 'ge' || report.adapt?.filterOperators === 'gte')
      ? report
      : null;
  } catch {
    return null;
  }
}
