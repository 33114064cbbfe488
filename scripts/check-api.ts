// npm run check:api — every Excel/Office API member the add-in calls is within the manifest's
// minimum ExcelApi set, or guarded by a requirement check for its set.
// It walks src/excel, src/commands and src/taskpane with the TypeScript compiler, resolves each
// property access to its declaration in @types/office-js, reads the [Api set: …] tag, judges
// reads and writes separately (compound tags such as "1.1 for get, 1.8 for set"), and accepts
// a site above the minimum only inside `if (supports('X.Y'))` / `isSetSupported('ExcelApi',
// 'X.Y')`, or after `if (!supports('X.Y')) return …`. It prints a table by set, and keeps the
// README's supported-platforms section in step (`--write` rewrites it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface Site {
  readonly file: string;
  readonly line: number;
  readonly member: string;
  readonly set: string;
  readonly version: string | null;
  readonly mode: 'read' | 'write';
  readonly guard: string | null;
}

export interface Audit {
  readonly sites: readonly Site[];
  readonly failures: readonly string[];
  readonly platformLimited: readonly Site[];
  readonly highestUnguarded: string;
}

const compare = (a: string, b: string) => {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
};

/** Reads "[Api set: ExcelApi 1.1 for get, 1.8 for set]" into the set and the read/write versions. */
export function parseApiSet(tag: string): { set: string; read: string | null; write: string | null } | null {
  const m = /\[Api set:\s*([A-Za-z]+)\s+([^\]]*)\]/.exec(tag);
  if (!m) return null;
  const set = m[1];
  const body = m[2];
  const versions = [...body.matchAll(/(\d+\.\d+)(?:\s+for\s+(\w+))?/g)];
  if (!versions.length) return { set, read: null, write: null };
  const base = versions[0][1];
  const forRead = versions.find((v) => v[2] && /^(get|getting|reading)$/.test(v[2]))?.[1];
  const forWrite = versions.find((v) => v[2] && /^(set|setting)$/.test(v[2]))?.[1];
  return { set, read: forRead ?? base, write: forWrite ?? forRead ?? base };
}

function apiTag(declaration: ts.Declaration): string | null {
  const source = declaration.getSourceFile();
  const text = source.getFullText();
  const ranges = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  const doc = ranges.map((r) => text.slice(r.pos, r.end)).join('\n');
  const tag = /\[Api set:[^\]]*\]/.exec(doc);
  return tag ? tag[0] : null;
}

function guardVersion(expression: ts.Expression): string | null {
  let found: string | null = null;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      const args = node.arguments.map((a) => (ts.isStringLiteral(a) ? a.text : null));
      if (/(^|\.)(supports|supportsExcelApi)$/.test(callee) && args[0] && /^\d+\.\d+$/.test(args[0]))
        found = args[0];
      if (/isSetSupported$/.test(callee) && args[0] === 'ExcelApi' && args[1]) found = args[1];
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function isNegated(expression: ts.Expression): boolean {
  return ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken;
}

function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement))
    return statement.statements.some((s) => ts.isReturnStatement(s) || ts.isThrowStatement(s));
  return false;
}

/** The highest ExcelApi version that a guard around `node` has checked, or null. */
function guardAt(node: ts.Node): string | null {
  let best: string | null = null;
  const take = (v: string | null) => {
    if (v && (!best || compare(v, best) > 0)) best = v;
  };
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child === parent.thenStatement && !isNegated(parent.expression))
      take(guardVersion(parent.expression));
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue) take(guardVersion(parent.condition));
    if ((ts.isBlock(parent) || ts.isSourceFile(parent)) && ts.isStatement(child as ts.Statement)) {
      const statements = (parent as ts.Block).statements;
      for (const s of statements.slice(0, statements.indexOf(child as ts.Statement))) {
        if (ts.isIfStatement(s) && isNegated(s.expression) && exits(s.thenStatement))
          take(guardVersion((s.expression as ts.PrefixUnaryExpression).operand));
      }
    }
  }
  return best;
}

function isWrite(node: ts.PropertyAccessExpression): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

export function auditFiles(files: readonly string[], minimum: string, root = process.cwd()): Audit {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const program = ts.createProgram(files, { ...(config?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  const sites: Site[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declaration = symbol?.declarations?.[0];
        if (symbol && declaration && declaration.getSourceFile().fileName.includes('@types/office-js')) {
          const qualified = checker.getFullyQualifiedName(symbol);
          const tag = apiTag(declaration);
          const parsed = tag ? parseApiSet(tag) : null;
          if (/^(Excel|Office|OfficeExtension)\./.test(qualified) && parsed) {
            const mode = isWrite(node) ? 'write' : 'read';
            const { line } = source.getLineAndCharacterOfPosition(node.name.getStart());
            sites.push({
              file: relative(root, file),
              line: line + 1,
              member: qualified,
              set: parsed.set,
              version: mode === 'write' ? parsed.write : parsed.read,
              mode,
              guard: guardAt(node),
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const failures: string[] = [];
  let highest = '1.1';
  for (const s of sites) {
    if (s.set !== 'ExcelApi' || !s.version) continue;
    if (compare(s.version, minimum) <= 0) {
      if (!s.guard && compare(s.version, highest) > 0) highest = s.version;
      continue;
    }
    if (s.guard && compare(s.guard, s.version) >= 0) continue;
    failures.push(
      `${s.file}:${s.line}: ${s.member} (${s.mode}) needs ExcelApi ${s.version}, above the manifest's minimum ${minimum}${s.guard ? `; the guard checks only ${s.guard}` : ''}. Guard it with supports('${s.version}') or raise the minimum.`,
    );
  }
  const platformLimited = sites.filter((s) => /^ExcelApi(Online|Desktop)$/.test(s.set));
  for (const s of platformLimited)
    failures.push(
      `${s.file}:${s.line}: ${s.member} is in ${s.set} ${s.version}: it works only on that platform.`,
    );
  return { sites, failures, platformLimited, highestUnguarded: highest };
}

/** What each Excel version supports (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets). */
const PLATFORMS: { name: string; upTo: string | null; note?: string }[] = [
  { name: 'Excel 2016 (one-time purchase)', upTo: '1.1' },
  {
    name: 'Excel 2019, volume-licensed (Windows)',
    upTo: '1.7',
    // Volume-licensed Office 2019 has no add-in commands (AddinCommands 1.1): the manifest's ribbon
    // group does not show, and the task pane is opened from the Insert tab.
    note: 'no ribbon group (add-in commands are not in volume-licensed Office 2019): open the pane from 插入 › 我的加载项 / Insert › My Add-ins',
  },
  { name: 'Excel 2019, retail (Windows), and Excel 2019 for Mac', upTo: '1.8' },
  { name: 'Excel 2021 (Windows retail, Mac)', upTo: '1.12' },
  { name: 'Excel LTSC 2021, volume-licensed (Windows)', upTo: '1.14' },
  { name: 'Excel 2024 (Windows, Mac)', upTo: '1.17' },
  { name: 'Microsoft 365 (Windows, Mac)', upTo: null },
  { name: 'Excel on the web', upTo: null },
];

export function platformSection(audit: Audit, minimum: string): string {
  const guarded = [
    ...new Set(
      audit.sites
        .filter((s) => s.set === 'ExcelApi' && s.version && compare(s.version, minimum) > 0)
        .map((s) => s.version as string),
    ),
  ].sort(compare);
  const features: Record<string, string> = {
    '1.8':
      "单元格状态下拉 / status dropdown in cells (the pane's dropdowns still set statuses), 完成值的数字规则 / the 完成值 number rule on 指标, 在新工作簿中打开 / Open in a new workbook",
    '1.9':
      '打印设置 / print setup (A4 landscape, fit to width, repeated header, footer with 制表单位, 第 N 页 共 M 页 and the 截至 date; the exported workbook always has them)',
    '1.13':
      '新行直接写在表格下方 / new rows written directly below tables (they are inserted as table rows instead, which conflict more often when co-authoring)',
  };
  const lines = ['| Excel | ExcelApi | 任务台账 |', '| --- | --- | --- |'];
  for (const p of PLATFORMS) {
    const level = p.upTo ?? 'latest';
    let verdict: string;
    if (p.upTo && compare(p.upTo, minimum) < 0)
      verdict = 'not supported (the manifest asks for ExcelApi ' + minimum + ')';
    else {
      const off = guarded.filter((v) => p.upTo && compare(v, p.upTo) > 0);
      verdict = off.length
        ? `runs; off: ${off.map((v) => `${features[v] ?? 'ExcelApi ' + v} (needs ${v})`).join(', ')}`
        : 'runs fully';
    }
    if (p.note && !verdict.startsWith('not supported')) verdict += `; ${p.note}`;
    lines.push(`| ${p.name} | ${level === 'latest' ? 'current' : `up to ${level}`} | ${verdict} |`);
  }
  return lines.join('\n');
}

function table(audit: Audit): string {
  const bySet = new Map<string, Map<string, Set<string>>>();
  for (const s of audit.sites) {
    const key = `${s.set} ${s.version ?? '—'}`;
    const members = bySet.get(key) ?? new Map<string, Set<string>>();
    const where = members.get(s.member) ?? new Set<string>();
    where.add(`${s.file}:${s.line}${s.guard ? ` (guarded ${s.guard})` : ''}`);
    members.set(s.member, where);
    bySet.set(key, members);
  }
  const keys = [...bySet.keys()].sort((a, b) => {
    const [sa, va] = a.split(' ');
    const [sb, vb] = b.split(' ');
    return sa.localeCompare(sb) || compare(va === '—' ? '0.0' : va, vb === '—' ? '0.0' : vb);
  });
  const out: string[] = [];
  for (const key of keys) {
    const members = bySet.get(key) as Map<string, Set<string>>;
    out.push(`${key}: ${members.size} member(s)`);
    for (const [member, where] of [...members].sort())
      out.push(
        `    ${member.padEnd(52)} ${[...where].slice(0, 3).join(', ')}${where.size > 3 ? ` … (${where.size} sites)` : ''}`,
      );
  }
  return out.join('\n');
}

function sourceFiles(root: string): string[] {
  const dirs = ['src/excel', 'src/commands', 'src/taskpane'];
  return ts.sys
    .readDirectory(
      root,
      ['.ts', '.tsx'],
      undefined,
      dirs.map((d) => `${d}/**/*`),
    )
    .filter((f) => !f.endsWith('.d.ts'));
}

export function manifestMinimum(manifest: string): string {
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(manifest);
  if (!m) throw new Error('manifest.xml declares no <Set Name="ExcelApi" MinVersion="…">');
  return m[1];
}

const START = '<!-- api-support:start (generated by npm run check:api -- --write) -->';
const END = '<!-- api-support:end -->';

function main(): void {
  const root = resolve(__dirname, '..');
  const minimum = manifestMinimum(readFileSync(join(root, 'manifest.xml'), 'utf8'));
  const audit = auditFiles(sourceFiles(root), minimum, root);
  console.log(table(audit));
  console.log(
    `\n${audit.sites.length} API sites; manifest minimum ExcelApi ${minimum}; highest set used unguarded: ExcelApi ${audit.highestUnguarded}`,
  );
  const failures = [...audit.failures];
  if (compare(audit.highestUnguarded, minimum) < 0) {
    failures.push(
      `manifest.xml asks for ExcelApi ${minimum} but the code needs only ${audit.highestUnguarded} unguarded: lower the minimum to reach more Excel versions.`,
    );
  }
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const section = `${START}\n${platformSection(audit, minimum)}\n${END}`;
  const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
  if (process.argv.includes('--write')) {
    writeFileSync(readmePath, readme.replace(current, section));
    console.log('README.md supported-platforms section written.');
  } else if (readme.indexOf(START) < 0 || current !== section) {
    failures.push(
      'README.md: the supported-platforms section is out of date; run npm run check:api -- --write.',
    );
  }
  if (failures.length) {
    for (const f of failures) console.error(f);
    process.exit(1);
  }
  console.log('check:api passed');
}

if (require.main === module) main();
