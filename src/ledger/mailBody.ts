// A mail body as one list of blocks, rendered to plain text and to HTML by one small renderer
// each, so the two parts of a mail cannot say different things. Everything a user typed is
// escaped in the HTML: a task text with markup is shown, never run or fetched.

export type MailBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  /** A line that introduces what follows: in the text, its table starts on the next line. */
  | { readonly kind: 'heading'; readonly text: string }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
    }
  /** The 落款: the sender unit and the day, set right. */
  | { readonly kind: 'signature'; readonly lines: readonly string[] };

export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A cell's text in HTML: escaped, its line breaks kept as line breaks. */
export const htmlCell = (text: string) => escapeHtml(text).replace(/\r\n?|\n/gu, '<br>');

/** One table row per line: a line break or a tab inside a cell would start another row or column. */
export const textCell = (text: string) => text.replace(/\s*(?:\r\n?|\n)\s*/gu, ' / ').replace(/\t/gu, ' ');

const textRows = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [header, ...rows].map((row) => row.map(textCell).join('\t'));

/** Blocks as plain text: a blank line between blocks, a table tab-separated right under its heading. */
export function mailText(blocks: readonly MailBlock[]): string {
  return blocks
    .map((block, i) => {
      const glued = block.kind === 'table' && blocks[i - 1]?.kind === 'heading';
      const body =
        block.kind === 'table'
          ? textRows(block.header, block.rows).join('\n')
          : block.kind === 'signature'
            ? block.lines.join('\n')
            : block.text;
      return i === 0 ? body : `${glued ? '\n' : '\n\n'}${body}`;
    })
    .join('');
}

const FONT = 'font-family:Microsoft YaHei,SimSun,sans-serif;font-size:14px';
const TABLE = `border-collapse:collapse;${FONT}`;
const CELL = 'border:1px solid #BFBFBF;padding:4px 8px;vertical-align:top';
const HEAD = `${CELL};background:#1F4E79;color:#FFFFFF`;

function htmlTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h) => `<th style="${HEAD}">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((c) => `<td style="${CELL}">${htmlCell(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table style="${TABLE}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Blocks as an HTML document; a heading is a paragraph, as mail clients show either alike. */
export function mailHtml(blocks: readonly MailBlock[]): string {
  const parts = blocks.map((block) =>
    block.kind === 'table'
      ? htmlTable(block.header, block.rows)
      : block.kind === 'signature'
        ? `<p style="text-align:right">${block.lines.map(escapeHtml).join('<br>')}</p>`
        : `<p>${escapeHtml(block.text)}</p>`,
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="${FONT}">${parts.join('')}</body></html>`;
}

export const mailContent = (subject: string, blocks: readonly MailBlock[]): MailContent => ({
  subject,
  text: mailText(blocks),
  html: mailHtml(blocks),
});
