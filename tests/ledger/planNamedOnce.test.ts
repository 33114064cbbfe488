// Nothing in src/ names the built-in plan but its data module: not its city, not its task count.
// A second plan is then one data file or one import, never an edit of the code.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { builtInPlan } from '../../src/ledger';

const SRC = join(__dirname, '../../src');
const DATA_MODULE = 'ledger/officialTasks.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|html)$/u.test(name) ? [path] : [];
  });
}

describe('the built-in plan is named only in its data module', () => {
  const plan = builtInPlan();
  const city = plan.region.slice(0, -1);
  const count = String(plan.tasks.length);
  // "40项", "共40", "40 tasks", "40-task", "40 key tasks": the number as a count of tasks.
  const asCount = new RegExp(
    `(共|写入|全部|含)${count}(?!\\d)|(?<![\\d.])${count}\\s*(项|个任务|条任务|tasks|-task|key tasks)`,
    'u',
  );
  const offenders = files(SRC)
    .filter((path) => relative(SRC, path) !== DATA_MODULE)
    .flatMap((path) => {
      const lines = readFileSync(path, 'utf8').split('\n');
      // A line and the next together: a count may wrap (（40⏎项任务).
      return lines
        .map((line, i) => ({
          text: `${line}\n${lines[i + 1] ?? ''}`,
          line,
          at: `${relative(SRC, path)}:${i + 1}`,
        }))
        .filter(({ text, line }) => line.includes(city) || asCount.test(text))
        .map(({ at, line }) => `${at}: ${line.trim().slice(0, 80)}`);
    });

  it('finds the city and the count in the data module itself (the check can fail)', () => {
    const data = readFileSync(join(SRC, DATA_MODULE), 'utf8');
    expect(data).toContain(city);
    expect(asCount.test(`共${count}项任务`)).toBe(true);
  });

  it('finds neither anywhere else in src/', () => {
    expect(offenders).toEqual([]);
  });
});
