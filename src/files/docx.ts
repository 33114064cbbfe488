// docx is big: its own chunk, fetched when a 通报 is first made. The only import of the library
// in the project (lint enforces that only src/files may import it).
type DocxModule = typeof import('docx');

export async function docx(): Promise<DocxModule> {
  const loaded = (await import(/* webpackChunkName: "docx-writer" */ 'docx')) as DocxModule & {
    default?: DocxModule;
  };
  return loaded.default ?? loaded;
}
