import { invalid } from '../../domain/errors.js';
import { loadSharp } from './on-first-use.js';

const ACCEPTED = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type Accepted = keyof typeof ACCEPTED;

export type ProcessedImage = {
  mimeType: string;
  ext: string;
  image: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
};

const NOT_AN_IMAGE = invalid('unsupported_image', {
  vi: 'Tệp không phải ảnh JPEG, PNG hoặc WebP.',
  en: 'The file is not a JPEG, PNG or WebP image.',
});

/**
 * Accepts JPEG, PNG and WebP judged by their content (never by name or declared type), applies
 * the camera's orientation, drops metadata (a phone photo's GPS position stays private), caps the
 * size at 2400 px, and makes a 400 px WebP thumbnail for lists.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedImage> {
  let format: string | undefined;
  try {
    format = (await loadSharp()(input).metadata()).format;
  } catch {
    throw NOT_AN_IMAGE;
  }
  if (!format || !(format in ACCEPTED)) throw NOT_AN_IMAGE;
  const kind = format as Accepted;
  try {
    const base = loadSharp()(input, { limitInputPixels: 60_000_000 }).rotate().resize({ width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true });
    const { data: image, info } = await base
      .clone()
      .toFormat(kind, kind === 'jpeg' ? { quality: 85, mozjpeg: true } : {})
      .toBuffer({ resolveWithObject: true });
    const thumb = await base.clone().resize({ width: 400, height: 400, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    return { mimeType: ACCEPTED[kind], ext: kind === 'jpeg' ? 'jpg' : kind, image, thumb, width: info.width, height: info.height };
  } catch {
    throw invalid('corrupt_image', { vi: 'Ảnh bị hỏng hoặc không đọc được.', en: 'The image is corrupt or unreadable.' });
  }
}
