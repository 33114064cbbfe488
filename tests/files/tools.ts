// The tools that check our files from outside (Debian's python3 with openpyxl and python-docx,
// LibreOffice, poppler). A test that needs one the machine lacks is skipped with one line that
// says so; under CI (which installs them) a missing tool fails instead.
import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

export type Tool = 'openpyxl' | 'python-docx' | 'soffice' | 'pdftotext' | 'pdftoppm' | 'pdfinfo';

const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

const PROBES: Record<Tool, () => boolean> = {
  openpyxl: () => has(PYTHON, ['-c', 'import openpyxl']),
  'python-docx': () => has(PYTHON, ['-c', 'import docx']),
  soffice: () => has('soffice', ['--version']),
  pdftotext: () => has('pdftotext', ['-v']),
  pdftoppm: () => has('pdftoppm', ['-v']),
  pdfinfo: () => has('pdfinfo', ['-v']),
};

/** The tools missing on this machine, said in one line (or, under CI, an error). */
export function missingTools(what: string, tools: readonly Tool[]): string[] {
  const missing = tools.filter((tool) => !PROBES[tool]());
  if (missing.length && process.env.CI) throw new Error(`CI must have ${missing.join(', ')} (see .ci/run)`);
  if (missing.length)
    console.log(`${what} skipped: ${missing.join(', ')} not installed (bash .ci/run installs them)`);
  return missing;
}

/** `it` when every tool is here, `it.skip` (after the one line) when one is missing. */
export const itWith = (what: string, tools: readonly Tool[]) =>
  missingTools(what, tools).length ? it.skip : it;
