import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

function validate(text: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [join(root, 'scripts/validate-manifest.mjs'), file], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

jest.setTimeout(60_000);

describe('npm run validate', () => {
  it('passes the project manifest', () => {
    const result = validate(manifest);
    expect(result.output).toContain('is valid');
    expect(result.status).toBe(0);
  });

  it('fails a misspelled element with its line and the schema reason', () => {
    const result = validate(manifest.replace('<Hosts>', '<Hostz>').replace('</Hosts>', '</Hostz>'));
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/manifest\.xml:\d+: schema: .*Hostz.*not expected/);
  });

  it('fails an icon that is not in the build, naming the file', () => {
    const result = validate(manifest.replace('assets/icon-16.png', 'assets/icon-17.png'));
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /manifest\.xml:\d+: https:\/\/localhost:3000\/assets\/icon-17\.png names assets\/icon-17\.png, which does not exist/,
    );
  });

  it("fails the Office template's GUID, a commands page on another origin, and a version that disagrees with package.json", () => {
    const guid = validate(manifest.replace(/<Id>[^<]+<\/Id>/, '<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>'));
    expect(guid.output).toContain("is the Office template's");
    const origin = validate(manifest.replace('https://localhost:3000/commands.html', 'https://example.org/commands.html'));
    expect(origin.output).toContain("is not on the task pane's origin");
    const version = validate(manifest.replace('<Version>1.0.0.0</Version>', '<Version>2.0.0.0</Version>'));
    expect(version.output).toContain('does not match package.json');
  });
});
