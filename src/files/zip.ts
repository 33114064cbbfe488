// Several files as one .zip (every unit's draft in one download).
export interface NamedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export async function zipFiles(files: readonly NamedFile[], date: Date): Promise<Uint8Array> {
  const { default: JSZip } = await import(/* webpackChunkName: "zip" */ 'jszip');
  const zip = new JSZip();
  // Names are UTF-8 in the archive (JSZip marks them so), which Windows' Explorer reads.
  for (const file of files) zip.file(file.name, file.bytes, { date, binary: true });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
