// Mail addresses as people type them into 单位名录 and the pane.
export interface MailAddress {
  readonly name?: string;
  readonly email: string;
}

/** A mailbox as people type it: one @, no spaces, a dot in the domain. */
export function isMailAddress(text: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(text.trim());
}

/** A mailbox with its display name, as mail programs write it: 市长 <mayor@sp.gov.cn> or "市长" <…>. */
const NAMED = /^"?([^"<>]*?)"?\s*<\s*([^<>\s]+)\s*>$/u;

/**
 * Addresses typed into one field, split at , ; ，；、 or spaces, each a bare mailbox or a named
 * one (市长 <mayor@sp.gov.cn>, its name kept); what is not an address is returned apart.
 */
export function parseAddressList(text: string): {
  readonly addresses: MailAddress[];
  readonly invalid: string[];
} {
  const addresses: MailAddress[] = [];
  const invalid: string[] = [];
  for (const part of text
    .split(/[,;，；、\n]+/u)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const named = NAMED.exec(part);
    if (named && isMailAddress(named[2])) {
      const name = named[1].trim();
      addresses.push(name ? { name, email: named[2] } : { email: named[2] });
      continue;
    }
    // Bare words between the separators: each an address, or not one.
    for (const word of part.split(/\s+/u).filter(Boolean))
      if (isMailAddress(word)) addresses.push({ email: word });
      else invalid.push(word);
  }
  return { addresses, invalid };
}
