// npm run check:bundle (after npm run build): the JavaScript taskpane.html loads before the
// pane can draw, gzipped, against the 130 KB budget. Chunks loaded on demand are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 130 * 1024;
const dist = process.argv[2] ?? 'dist';
let html;
try {
  html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
} catch {
  console.error(`No ${dist}/taskpane.html: run npm run build first.`);
  process.exit(1);
}
const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:/.test(src));
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const initial = scripts.map((src) => ({ file: src, bytes: gz(src) }));
const total = initial.reduce((sum, s) => sum + s.bytes, 0);
const all = readdirSync(dist).filter((f) => f.endsWith('.js'));
const onDemand = all.filter((f) => !scripts.includes(f) && !/^(preview|commands|message)\./.test(f));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const s of initial) console.log(`initial   ${s.file.padEnd(28)} ${kb(s.bytes).padStart(9)} gzip`);
console.log(
  `on demand ${onDemand.length} chunks ${kb(onDemand.reduce((sum, f) => sum + gz(f), 0)).padStart(18)} gzip`,
);
// Named chunks (the workbook file writer, the zip maker) are listed by name: they are the big ones.
for (const f of onDemand.filter((f) => /^[a-z]+(-[a-z]+)*\./.test(f))) {
  console.log(`  ${f.split('.')[0].padEnd(16)} ${kb(gz(f)).padStart(9)} gzip, loaded on first use`);
}
console.log(`taskpane.html initial JavaScript: ${kb(total)} gzip (budget ${kb(BUDGET)})`);
if (scripts.length === 0 || total > BUDGET) {
  console.error(
    scripts.length === 0 ? 'No script found in taskpane.html.' : `Over budget by ${kb(total - BUDGET)}.`,
  );
  process.exit(1);
}
