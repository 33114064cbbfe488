// A mail draft as an .eml file: classic Outlook for Windows opens a message with X-Unsent: 1 as
// a draft with a Send button; other clients open it as a message to forward. No From, Date or
// Message-ID: the mail client fills them. Written here rather than with a MIME library because
// the draft needs exactly what the libraries make hard (no sender, X-Unsent, a Chinese subject
// in encoded words of at most 75 characters); the rules are few and each is tested:
// RFC 5322 (CRLF, lines ≤ 998), RFC 2045 (base64 lines ≤ 76), RFC 2047 (encoded words),
// RFC 2231 (a long, non-ASCII file name).
import type { MailAddress, MailContent } from '../ledger';

export interface MailAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** A mail's subject and its two bodies (rendered from one list of blocks), with its envelope. */
export interface MailDraft extends MailContent {
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  readonly attachments: readonly MailAttachment[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CRLF = '\r\n';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const utf8 = (text: string) => new TextEncoder().encode(text);

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

/** A body part's base64, in lines of 76 characters. */
function base64Lines(bytes: Uint8Array): string {
  const encoded = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

const ENCODED_WORD_MAX = 75;
const ENCODED_WORD_OVERHEAD = '=?UTF-8?B??='.length;

/**
 * Text as RFC 2047 encoded words, each at most 75 characters and never splitting a character,
 * joined by folding white space. Plain ASCII without specials stays as it is.
 */
export function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  const flush = () => {
    if (chunk) words.push(`=?UTF-8?B?${base64(utf8(chunk))}?=`);
    chunk = '';
  };
  for (const character of Array.from(text)) {
    const next = chunk + character;
    // Base64 of n bytes is 4·⌈n/3⌉ characters.
    if (Math.ceil(utf8(next).length / 3) * 4 + ENCODED_WORD_OVERHEAD > ENCODED_WORD_MAX) flush();
    chunk += character;
  }
  flush();
  return words.join(`${CRLF} `);
}

/** An address list for To or Cc: names encoded, addresses as typed, one per folded line. */
function addressList(addresses: readonly MailAddress[]): string {
  return addresses
    .map((a) => (a.name ? `${encodedWords(a.name.replace(/["\\]/g, ''))} <${a.email}>` : `<${a.email}>`))
    .join(`,${CRLF} `);
}

const needsNoEncoding = (c: string) => /[A-Za-z0-9!#$&+\-.^_`|~]/.test(c);

/** RFC 2231: filename*0*=UTF-8''…; filename*1*=… in pieces that keep each line short. */
function extendedParameter(name: string, value: string): string {
  const encoded = Array.from(utf8(value))
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return byte < 128 && needsNoEncoding(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  const pieces: string[] = [];
  // Never cut a %XX escape in two.
  for (let i = 0; i < encoded.length;) {
    let end = Math.min(i + 60, encoded.length);
    const escape = encoded.lastIndexOf('%', end - 1);
    if (escape > end - 3 && escape >= i && end < encoded.length) end = escape;
    pieces.push(encoded.slice(i, end));
    i = end;
  }
  return pieces.map((piece, i) => `${name}*${i}*=${i === 0 ? "UTF-8''" : ''}${piece}`).join(`;${CRLF} `);
}

function textPart(type: 'text/plain' | 'text/html', content: string): string {
  return [
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(utf8(content.replace(/\r?\n/g, CRLF))),
  ].join(CRLF);
}

function attachmentPart(file: MailAttachment): string {
  return [
    `Content-Type: ${file.contentType};${CRLF} name="${encodedWords(file.fileName)}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment;${CRLF} ${extendedParameter('filename', file.fileName)}`,
    '',
    base64Lines(file.bytes),
  ].join(CRLF);
}

function multipart(type: string, boundary: string, parts: readonly string[]): string {
  return [
    `Content-Type: multipart/${type};${CRLF} boundary="${boundary}"`,
    '',
    ...parts.map((part) => `--${boundary}${CRLF}${part}`),
    `--${boundary}--`,
  ].join(CRLF);
}

/** A boundary that cannot occur in base64 or in the headers above it. */
function boundaryFor(seed: string, kind: string): string {
  return `=_renwu_${kind}_${seed}`;
}

/**
 * The draft as the text of an .eml file. `seed` makes the MIME boundaries (tests pin it; by
 * default it is random).
 */
export function buildDraft(draft: MailDraft, seed = Math.random().toString(36).slice(2, 12)): string {
  const headers = [
    'X-Unsent: 1',
    ...(draft.to.length ? [`To: ${addressList(draft.to)}`] : ['To: ']),
    ...(draft.cc.length ? [`Cc: ${addressList(draft.cc)}`] : []),
    `Subject: ${encodedWords(draft.subject)}`,
    'MIME-Version: 1.0',
  ];
  const body = multipart('alternative', boundaryFor(seed, 'alt'), [
    textPart('text/plain', draft.text),
    textPart('text/html', draft.html),
  ]);
  const message = draft.attachments.length
    ? multipart('mixed', boundaryFor(seed, 'mix'), [body, ...draft.attachments.map(attachmentPart)])
    : body;
  return `${headers.join(CRLF)}${CRLF}${message}${CRLF}`;
}
