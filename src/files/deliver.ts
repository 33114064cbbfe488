// Handing files and text to the user from a web page: a download, and the clipboard with both
// HTML and plain text. Where the host refuses the clipboard, the caller falls back (select the
// range in Excel and ask for Ctrl+C).

/** Starts a download as a browser does for a link with a download name. */
export function downloadFile(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has the data once the click is handled; the URL is freed after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies rich text (HTML with a plain-text twin); false when the host does not allow it. */
export async function copyRichText(html: string, text: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return true;
    }
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
    return false;
  } catch {
    // Refused by the host or the user: the caller offers the Ctrl+C way instead.
    return false;
  }
}

/** A chosen file's bytes. FileReader, not Blob.arrayBuffer: older Office web views lack the latter. */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}
