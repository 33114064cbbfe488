import { join } from 'node:path';
import { auditFiles, manifestMinimum, parseApiSet, platformSection } from '../../scripts/check-api';

const fixture = (name: string) => join(__dirname, 'fixtures', `${name}.ts`);
const root = join(__dirname, '../..');

jest.setTimeout(60_000);

describe('check:api', () => {
  it('reads simple and compound [Api set] tags', () => {
    expect(parseApiSet('[Api set: ExcelApi 1.9]')).toEqual({ set: 'ExcelApi', read: '1.9', write: '1.9' });
    expect(parseApiSet('[Api set: ExcelApi 1.1 for get, 1.8 for set]')).toEqual({
      set: 'ExcelApi',
      read: '1.1',
      write: '1.8',
    });
    expect(parseApiSet('[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]')).toEqual({
      set: 'ExcelApi',
      read: '1.1',
      write: '1.2',
    });
    expect(parseApiSet('[Api set: ExcelApi 1.1 for getting the name; 1.4 for setting it.]')).toEqual({
      set: 'ExcelApi',
      read: '1.1',
      write: '1.4',
    });
    expect(parseApiSet('[Api set: ExcelApiOnline 1.1]')?.set).toBe('ExcelApiOnline');
    expect(parseApiSet('no tag')).toBeNull();
  });

  it('fails an unguarded call above the minimum, with file:line, member, set and minimum', () => {
    const audit = auditFiles([fixture('unguarded')], '1.8', root);
    expect(audit.failures).toEqual([
      "tests/scripts/fixtures/unguarded.ts:2: Excel.PageLayout.orientation (write) needs ExcelApi 1.9, above the manifest's minimum 1.8. Guard it with supports('1.9') or raise the minimum.",
      "tests/scripts/fixtures/unguarded.ts:2: Excel.Worksheet.pageLayout (read) needs ExcelApi 1.9, above the manifest's minimum 1.8. Guard it with supports('1.9') or raise the minimum.",
    ]);
  });

  it('passes the same call inside a guard, or after an early return, but not under a guard for a lower set', () => {
    const audit = auditFiles([fixture('guarded')], '1.8', root);
    expect(audit.failures.map((f) => f.split(':')[1])).toEqual(['16', '16']);
    expect(audit.failures[0]).toContain('the guard checks only 1.8');
    const guarded = audit.sites.filter((s) => s.guard === '1.9');
    expect(guarded.length).toBe(4);
  });

  it('judges a setter tagged higher than its getter by use', () => {
    const at17 = auditFiles([fixture('setter')], '1.7', root);
    expect(at17.failures).toHaveLength(1);
    expect(at17.failures[0]).toContain(
      'setter.ts:6: Excel.Application.calculationMode (write) needs ExcelApi 1.8',
    );
    expect(at17.sites.find((s) => s.mode === 'read')?.version).toBe('1.1');
    expect(auditFiles([fixture('setter')], '1.8', root).failures).toEqual([]);
  });

  it('flags ExcelApiOnline members as platform-limited', () => {
    const audit = auditFiles([fixture('online')], '1.8', root);
    expect(audit.platformLimited).toHaveLength(1);
    expect(audit.failures[0]).toContain('ExcelApiOnline');
  });

  it('reads the manifest minimum and describes the platforms', () => {
    expect(manifestMinimum('<Set Name="ExcelApi" MinVersion="1.8"/>')).toBe('1.8');
    expect(() => manifestMinimum('<Sets/>')).toThrow();
    const section = platformSection(auditFiles([fixture('guarded')], '1.8', root), '1.8');
    expect(section).toContain(
      '| Excel 2019, retail (Windows), and Excel 2019 for Mac | up to 1.8 | runs; off:',
    );
    expect(section).toContain('| Excel 2016 (one-time purchase) | up to 1.1 | not supported');
    // With a 1.8 minimum, volume-licensed Excel 2019 (1.7 only) is not offered the add-in.
    expect(section).toContain('| Excel 2019, volume-licensed (Windows) | up to 1.7 | not supported');
    const lowered = platformSection(auditFiles([fixture('guarded')], '1.7', root), '1.7');
    expect(lowered).toContain('| Excel 2019, volume-licensed (Windows) | up to 1.7 | runs');
    // Issue 23, item 14: no add-in commands there, and everything 1.8 brings is named as off.
    expect(lowered).toMatch(
      /volume-licensed \(Windows\) \| up to 1\.7 \| runs.*no ribbon group.*插入 › 我的加载项/u,
    );
  });
});
