import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { onFirstUse } from './on-first-use.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts/Roboto');

/** pdfmake, set up at the first document. */
const loadPdfmake = onFirstUse<typeof import('pdfmake')>('pdfmake', (pdfmake) => {
  // Roboto (bundled with pdfmake) covers Vietnamese. Documents never fetch anything: no URLs, and
  // only the font folder on disk.
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONT_DIR));
});

export const renderPdf = (doc: TDocumentDefinitions): Promise<Buffer> => loadPdfmake().createPdf(doc).getBuffer();

/** Roboto has no ★ glyph, so stars are drawn: `filled` gold stars out of `of`. */
export function starsSvg(filled: number, of = 5, size = 14): Content {
  const star = (x: number, on: boolean) =>
    `<polygon transform="translate(${x},0) scale(${size / 24})" points="12,1.5 15,9 23,9.3 16.8,14.2 19,22 12,17.5 5,22 7.2,14.2 1,9.3 9,9" fill="${on ? '#d4a017' : 'none'}" stroke="#b8860b" stroke-width="1.2"/>`;
  const stars = Array.from({ length: of }, (_, i) => star(i * (size + 3), i < filled)).join('');
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${of * (size + 3)}" height="${size}">${stars}</svg>`, width: of * (size + 3) };
}

/** dd/mm/yyyy in Vietnam's time zone. */
export const formatDateVi = (d: Date) => d.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });

/** Points with a decimal comma, as Vietnamese documents write them (72,5). */
export const formatPoints = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The national motto header of administrative documents (Decree 30/2020/NĐ-CP, Appendix I). */
export function nationalHeader(left: string[]): Content {
  return {
    columns: [
      { width: '42%', stack: left.map((t, i) => ({ text: t, bold: i === left.length - 1, alignment: 'center', fontSize: 11 })) },
      {
        width: '58%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, alignment: 'center', fontSize: 11 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, alignment: 'center', fontSize: 12, decoration: 'underline' },
        ],
      },
    ],
    margin: [0, 0, 0, 14],
  };
}
