import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

const schemas = process.env.MANIFEST_SCHEMAS || join(root, '..', 'shared', 'schemas');
const haveSchemas = existsSync(join(schemas, 'OfficeAppManifestV1_1.xsd'));
// A clone of the project alone has no schema folder: the XSD cases need it, the rest do not.
const withSchemas = haveSchemas ? it : it.skip;
if (!haveSchemas)
  process.stdout.write(`manifest XSD tests skipped: no schemas at ${schemas} (set MANIFEST_SCHEMAS)\n`);

function validate(
  text: string,
  env: NodeJS.ProcessEnv = process.env,
  extra: string[] = [],
): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [join(root, 'scripts/validate-manifest.mjs'), ...extra, file], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

jest.setTimeout(60_000);

describe('npm run validate', () => {
  it('without a schema folder, skips the XSD check in one line and still runs its own checks', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-schemas-'));
    const env = { ...process.env, CI: '', MANIFEST_SCHEMAS: '' };
    const alone = validate(manifest, env, ['--schemas', empty]);
    expect(alone.status).toBe(1);
    expect(alone.output).toContain('has no OfficeAppManifestV1_1.xsd');
    // Without a named folder (a user's clone) the check is optional: the rest still runs.
    const probe = (text: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
      writeFileSync(join(dir, 'manifest.xml'), text);
      const code = `import { validateManifest } from ${JSON.stringify(join(root, 'scripts/validate-manifest.mjs'))};
        console.log(JSON.stringify(await validateManifest({ manifest: ${JSON.stringify(join(dir, 'manifest.xml'))},
          schemas: ${JSON.stringify(empty)}, dist: null, requireSchemas: false })));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
        cwd: root,
        encoding: 'utf8',
        env,
      });
      return JSON.parse(run.stdout) as string[];
    };
    expect(probe(manifest)).toEqual([]);
    const guid = probe(manifest.replace(/<Id>[^<]+<\/Id>/, '<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>'));
    expect(guid.join('\n')).toContain("is the Office template's");
  });

  withSchemas('passes the project manifest', () => {
    const result = validate(manifest);
    expect(result.output).toContain('is valid');
    expect(result.status).toBe(0);
  });

  withSchemas('fails a misspelled element with its line and the schema reason', () => {
    const result = validate(manifest.replace('<Hosts>', '<Hostz>').replace('</Hosts>', '</Hostz>'));
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/manifest\.xml:\d+: schema: .*Hostz.*not expected/);
  });

  withSchemas('fails an icon that is not in the build, naming the file', () => {
    const result = validate(manifest.replace('assets/icon-16.png', 'assets/icon-17.png'));
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /manifest\.xml:\d+: https:\/\/localhost:3000\/assets\/icon-17\.png names assets\/icon-17\.png, which does not exist/,
    );
  });

  withSchemas(
    "fails the Office template's GUID, a commands page on another origin, and a version that disagrees with package.json",
    () => {
      const guid = validate(
        manifest.replace(/<Id>[^<]+<\/Id>/, '<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>'),
      );
      expect(guid.output).toContain("is the Office template's");
      const origin = validate(
        manifest.replace('https://localhost:3000/commands.html', 'https://example.org/commands.html'),
      );
      expect(origin.output).toContain("is not on the task pane's origin");
      const version = validate(manifest.replace('<Version>1.0.0.0</Version>', '<Version>2.0.0.0</Version>'));
      expect(version.output).toContain('does not match package.json');
    },
  );
});
