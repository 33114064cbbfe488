// npm run validate [-- --schemas DIR] [--dist DIR] [manifest.xml]
// Validates the manifest offline against Microsoft's XML schemas (libxml2 compiled to wasm, so
// no system package is needed), then checks what a schema cannot: the GUID is our own, every
// URL resolves to a file the build serves, the pages share one origin, and the version agrees
// with package.json. Each problem is printed as FILE:LINE: reason; any problem exits 1.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { pages, staticFolders } = require(join(root, 'pages.config.js'));

const TEMPLATE_GUID = '05c2e1c9-3e1d-406e-9a91-e9ac64854143';

const DEFAULT_SCHEMAS = join(root, '..', 'shared', 'schemas');

function parseArgs(argv) {
  const args = {
    schemas: process.env.MANIFEST_SCHEMAS || DEFAULT_SCHEMAS,
    // A user's clone has no ../shared: the XSD check is skipped there, unless the folder was
    // named or this is CI, where a missing folder is a failure.
    requireSchemas: Boolean(process.env.MANIFEST_SCHEMAS) || process.env.CI === 'true',
    dist: null,
    manifest: join(root, 'manifest.xml'),
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schemas') {
      args.schemas = resolve(argv[++i]);
      args.requireSchemas = true;
    } else if (argv[i] === '--require-schemas') args.requireSchemas = true;
    else if (argv[i] === '--dist') args.dist = resolve(argv[++i]);
    else args.manifest = resolve(argv[i]);
  }
  return args;
}

function lineOf(text, needle) {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** Where a URL path is served from: the build folder, or the sources webpack builds it from. */
function sourceFor(path, dist) {
  const clean = path.replace(/^\/+/, '').split(/[?#]/)[0];
  if (dist) return join(dist, clean);
  const page = pages.find((p) => p.file === clean);
  if (page) return join(root, page.template);
  if (staticFolders.some((f) => clean.startsWith(`${f}/`))) return join(root, clean);
  return null;
}

/** True when the folder holds the schemas; the XSD check needs them. */
export function hasSchemas(schemas) {
  return existsSync(join(schemas, 'OfficeAppManifestV1_1.xsd'));
}

export async function validateManifest({ manifest, schemas, dist, requireSchemas = true }) {
  const problems = [];
  const file = relative(process.cwd(), manifest) || manifest;
  const say = (line, reason) => problems.push(`${file}:${line}: ${reason}`);
  if (!existsSync(manifest)) return [`${file}: the manifest does not exist`];
  const text = readFileSync(manifest, 'utf8');

  if (hasSchemas(schemas)) {
    const xsds = readdirSync(schemas).filter((f) => f.endsWith('.xsd'));
    const result = await validateXML({
      xml: [{ fileName: file, contents: text }],
      schema: [readFileSync(join(schemas, 'OfficeAppManifestV1_1.xsd'), 'utf8')],
      preload: xsds
        .filter((f) => f !== 'OfficeAppManifestV1_1.xsd')
        .map((f) => ({ fileName: f, contents: readFileSync(join(schemas, f), 'utf8') })),
    });
    for (const e of result.errors)
      say(e.loc?.lineNumber ?? 1, `schema: ${e.message.replace(/^.*?:\d+:\s*/, '').trim()}`);
    if (!result.valid) return problems;
  } else if (requireSchemas) {
    return [
      `${file}: the schema folder ${schemas} has no OfficeAppManifestV1_1.xsd (set MANIFEST_SCHEMAS or pass --schemas DIR)`,
    ];
  }

  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(text)?.[1] ?? '';
  if (id.toLowerCase() === TEMPLATE_GUID)
    say(lineOf(text, '<Id>'), `the add-in id ${id} is the Office template's; generate a GUID of our own`);

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(text)?.[1] ?? '';
  if (version !== `${pkg.version}.0` && version !== pkg.version) {
    say(
      lineOf(text, '<Version>'),
      `manifest version ${version} does not match package.json ${pkg.version} (expected ${pkg.version}.0)`,
    );
  }

  const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(text)?.[1];
  const commands = /<bt:Url id="Commands\.Url" DefaultValue="([^"]+)"/.exec(text)?.[1];
  if (source && commands && new URL(source).origin !== new URL(commands).origin) {
    say(
      lineOf(text, 'id="Commands.Url"'),
      `the commands page (${commands}) is not on the task pane's origin ${new URL(source).origin}`,
    );
  }

  const origin = source ? new URL(source).origin : null;
  const urlPattern = /(?:DefaultValue|Value)="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)<\/AppDomain>/g;
  for (const m of text.matchAll(urlPattern)) {
    const raw = m[1] ?? m[2];
    const line = text.slice(0, m.index).split('\n').length;
    let url;
    try {
      url = new URL(raw);
    } catch {
      say(line, `not a URL: ${raw}`);
      continue;
    }
    if (url.protocol !== 'https:') say(line, `${raw} must use https`);
    if (m[2] !== undefined) continue;
    if (origin && url.origin !== origin) {
      say(line, `${raw} is not on the add-in's origin ${origin}`);
      continue;
    }
    const basePath = new URL(source).pathname.replace(/[^/]*$/, '');
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const local = sourceFor(path, dist);
    if (!local) say(line, `${raw} is not a page or asset the build produces`);
    else if (!existsSync(local)) say(line, `${raw} names ${relative(root, local)}, which does not exist`);
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const problems = await validateManifest(args);
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`manifest check failed: ${problems.length} problem(s)`);
    process.exit(1);
  }
  const checked = hasSchemas(args.schemas);
  if (!checked) {
    console.log(
      `manifest XSD check skipped: no schema folder at ${args.schemas} (set MANIFEST_SCHEMAS=DIR or pass --schemas DIR; CI runs it)`,
    );
  }
  console.log(
    `${relative(process.cwd(), args.manifest)} is valid (schemas: ${checked ? relative(process.cwd(), args.schemas) || '.' : 'skipped'}; files: ${args.dist ? relative(process.cwd(), args.dist) : 'sources'})`,
  );
}
