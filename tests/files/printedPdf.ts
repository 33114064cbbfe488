// A workbook printed through LibreOffice and read back with poppler: each page's words with
// their printed height (about the type size, in pt) and each page's text as laid out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Word {
  readonly text: string;
  readonly height: number;
}

export interface Printed {
  readonly pdf: string;
  readonly pages: Word[][];
  /** Each page's text, one printed line a line. */
  readonly layout: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'printed-'));

export function printedPdf(file: string, bytes: Uint8Array): Printed {
  const path = join(dir, file);
  writeFileSync(path, bytes);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path], { stdio: 'ignore' });
  const pdf = path.replace(/\.xlsx$/u, '.pdf');
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = html.split('<page ').slice(1);
  const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  return {
    pdf,
    layout,
    pages: pages.map((page) =>
      [
        ...page.matchAll(
          /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/gu,
        ),
      ].map((m) => ({ text: m[3], height: Number(m[2]) - Number(m[1]) })),
    ),
  };
}

export const pageText = (words: readonly Word[]) => words.map((w) => w.text).join('');
export const smallestWord = (pages: readonly Word[][]) =>
  Math.min(...pages.flatMap((p) => p.map((w) => w.height)));
