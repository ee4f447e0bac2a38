import { describe, expect, it } from 'vitest';
import { sniffDocument } from './file-types.js';

describe('sniffDocument', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n…'), 'x.bin', 'application/pdf'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'a.png', 'image/jpeg'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.jpg', 'image/png'],
    [Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ')]), 'a', 'image/webp'],
    [
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml')]),
      'hop-dong.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])('recognises %#', (data, name, mime) => expect(sniffDocument(data, name)?.mimeType).toBe(mime));

  it.each([
    [Buffer.from('MZ\x90\0'), 'virus.pdf'],
    [Buffer.from('<html>'), 'page.pdf'],
    [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml')]), 'archive.zip'],
    [Buffer.alloc(0), 'empty.pdf'],
  ])('refuses %#', (data, name) => expect(sniffDocument(data, name)).toBeNull());
});
