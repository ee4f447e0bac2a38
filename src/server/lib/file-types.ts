/** A document type accepted as evidence, judged by the file's first bytes, never by its name alone. */
export type SniffedType = { mimeType: string; ext: string };

const OOXML: Record<string, SniffedType> = {
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
};

const startsWith = (data: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b);

/**
 * PDF, JPEG, PNG, WebP, and Word/Excel (OOXML zip containers, told apart by the name's extension
 * since both are zip files): what dossiers are made of. Anything else is refused.
 */
export function sniffDocument(data: Buffer, filename: string): SniffedType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mimeType: 'application/pdf', ext: 'pdf' }; // %PDF-
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', ext: 'jpg' };
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png', ext: 'png' };
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return { mimeType: 'image/webp', ext: 'webp' };
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && data.includes('[Content_Types].xml')) {
    const ext = filename.toLowerCase().split('.').pop() ?? '';
    return OOXML[ext] ?? null;
  }
  return null;
}
