import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIMUM_EXCEL_API } from '../../src/excel/requirements';

// webpack.config.js is CommonJS; its copy step turns the development manifest into the
// deployment one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as (
  env: Record<string, string>,
  argv: Record<string, string>,
) => { plugins: unknown[] };

interface CopyPattern {
  from: string;
  transform?: (content: Buffer) => string;
}

function manifestTransform(baseUrl?: string): (content: Buffer) => string {
  const config = makeConfig(baseUrl ? { baseUrl } : {}, { mode: 'production' });
  for (const plugin of config.plugins as { patterns?: CopyPattern[] }[]) {
    const pattern = plugin.patterns?.find((p) => p.from === 'manifest.xml');
    if (pattern?.transform) return pattern.transform;
  }
  throw new Error('no manifest copy step');
}

describe('production manifest', () => {
  const source = readFileSync(join(__dirname, '../../manifest.xml'));

  it('replaces https://localhost:3000 everywhere with the deployment address', () => {
    const out = manifestTransform('https://example.gov.cn/ledger/')(source);
    expect(out).not.toContain('localhost');
    expect(out).toContain('<SourceLocation DefaultValue="https://example.gov.cn/ledger/taskpane.html"/>');
    expect(out).toContain('<AppDomain>https://example.gov.cn</AppDomain>');
    expect(out.match(/https:\/\/example\.gov\.cn\/ledger\//g)?.length).toBe(
      source.toString().match(/https:\/\/localhost:3000\//g)?.length,
    );
  });

  it('keeps the development manifest without a baseUrl, and refuses a non-https one', () => {
    expect(manifestTransform()(source)).toBe(source.toString());
    expect(() => manifestTransform('http://example.org/')).toThrow(/https/);
  });
});

describe('the manifest asks for the ExcelApi the code is written for', () => {
  it('requires MINIMUM_EXCEL_API, no more and no less', () => {
    const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MINIMUM_EXCEL_API}"/>`);
  });
});
