// Mail addresses as people type them into 单位名录 and the pane.
export interface MailAddress {
  readonly name?: string;
  readonly email: string;
}

/** A mailbox as people type it: one @, no spaces, a dot in the domain. */
export function isMailAddress(text: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(text.trim());
}

/** Addresses typed into one field, split at , ; ，；、 or spaces; the ones that are not addresses are returned apart. */
export function parseAddressList(text: string): { readonly addresses: string[]; readonly invalid: string[] } {
  const parts = text
    .split(/[,;，；、\s]+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return { addresses: parts.filter(isMailAddress), invalid: parts.filter((p) => !isMailAddress(p)) };
}
