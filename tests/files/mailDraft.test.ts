// The .eml drafts, parsed back by a real MIME parser (mailparser) and checked byte by byte.
import { simpleParser } from 'mailparser';
import { base64, buildDraft, encodedWords, XLSX_TYPE, type MailDraft } from '../../src/files';

const LONG_NAME = `${'伊通满族自治县人民政府'.repeat(3)}_四平市职教重点任务汇总_截至20261128.xlsx`;
const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) % 256);

const draft: MailDraft = {
  to: [{ name: '王局长', email: 'wang@example.gov.cn' }, { email: 'office@example.gov.cn' }],
  cc: [{ name: '督查室 "办公室"', email: 'ducha@example.gov.cn' }],
  subject: '四平市现代职业教育重点任务推进情况（截至2026年11月28日）',
  text: '各位领导：\n\n截至2026年11月28日，40项重点任务中已完成2项。',
  html: '<p>各位领导：</p><table><tr><td>&#60;script&#62;</td></tr></table>',
  attachments: [{ fileName: LONG_NAME, contentType: XLSX_TYPE, bytes }],
};

describe('buildDraft', () => {
  const eml = buildDraft(draft, 'pinned');

  it('parses back as a draft with its recipients, subject, bodies and attachment', async () => {
    const mail = await simpleParser(Buffer.from(eml, 'utf8'));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.has('from')).toBe(false);
    expect(mail.headers.has('date')).toBe(false);
    expect(mail.headers.has('message-id')).toBe(false);
    expect(mail.subject).toBe(draft.subject);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to[0]?.value).toEqual([
      { address: 'wang@example.gov.cn', name: '王局长' },
      { address: 'office@example.gov.cn', name: '' },
    ]);
    const cc = Array.isArray(mail.cc) ? mail.cc : [mail.cc];
    expect(cc[0]?.value[0]).toEqual({ address: 'ducha@example.gov.cn', name: '督查室 办公室' });
    expect(mail.text?.trim()).toBe(draft.text.trim());
    expect(mail.html).toContain('&#60;script&#62;');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe(LONG_NAME);
    expect(mail.attachments[0].contentType).toBe(XLSX_TYPE);
    expect(Buffer.compare(mail.attachments[0].content, Buffer.from(bytes))).toBe(0);
  });

  it('uses CRLF only, no line over 998 octets, base64 lines of at most 76', () => {
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = eml.split('\r\n');
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(998);
    const base64Lines = lines.filter((l) => /^[A-Za-z0-9+/]+=*$/.test(l) && l.length > 20);
    expect(base64Lines.length).toBeGreaterThan(10);
    expect(Math.max(...base64Lines.map((l) => l.length))).toBeLessThanOrEqual(76);
  });

  it('keeps every encoded word within 75 characters and never splits a character', () => {
    const words = eml.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? [];
    expect(words.length).toBeGreaterThan(3);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      const decoded = Buffer.from(word.slice(10, -2), 'base64');
      expect(decoded.toString('utf8')).not.toContain('\ufffd');
    }
  });

  it('names the attachment both ways: RFC 2231 filename* pieces and an RFC 2047 name', () => {
    expect(eml).toMatch(/filename\*0\*=UTF-8''%E4%BC%8A/);
    expect(eml).toMatch(/filename\*1\*=/);
    expect(eml).toMatch(/name="=\?UTF-8\?B\?/);
  });

  it('leaves To empty for a unit without an address, and still parses', async () => {
    const mail = await simpleParser(Buffer.from(buildDraft({ ...draft, to: [], cc: [] }, 'x'), 'utf8'));
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((t) => t?.value ?? [])).toEqual([]);
    expect(mail.attachments).toHaveLength(1);
  });
});

describe('encoding helpers', () => {
  it('base64 agrees with Node for every length mod 3', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      const sample = Uint8Array.from({ length: n }, (_, i) => (i * 91) % 256);
      expect(base64(sample)).toBe(Buffer.from(sample).toString('base64'));
    }
  });

  it('leaves plain ASCII alone and encodes the rest', () => {
    expect(encodedWords('Progress report')).toBe('Progress report');
    expect(encodedWords('进展')).toBe(`=?UTF-8?B?${Buffer.from('进展').toString('base64')}?=`);
    expect(encodedWords('a =?b?= c')).toMatch(/^=\?UTF-8\?B\?/);
  });
});
