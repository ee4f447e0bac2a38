import { strFromU8, unzipSync } from 'fflate';

/** The visible text of a .docx (its main document part), for asserting what a generated file says. */
export function docxText(data: Buffer): string {
  const files = unzipSync(new Uint8Array(data));
  const xml = strFromU8(files['word/document.xml']!);
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}
