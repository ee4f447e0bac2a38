import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A library loaded the first time it is used rather than when the server starts. The document and
 * file libraries (exceljs, docx, pdfmake, sharp, the S3 client) are what a label check, a list or a
 * dashboard never needs: loaded together at start they held some 65 MB of a process's memory
 * (53 MB of heap), in every process, whether or not it ever wrote a workbook, a Word file or a PDF,
 * resized a photo or spoke to a bucket (docs/performance.md). Each is a CommonJS package, so the
 * first use loads it synchronously, where it is needed. `setUp` runs once, before the library is
 * first handed out (pdfmake's fonts).
 */
export function onFirstUse<T>(name: string, setUp?: (library: T) => void): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      const library = require(name) as T;
      setUp?.(library);
      loaded = library;
    }
    return loaded;
  };
}

export const loadSharp = onFirstUse<typeof import('sharp').default>('sharp');
export const loadExcelJS = onFirstUse<typeof import('exceljs')>('exceljs');
export const loadDocx = onFirstUse<typeof import('docx')>('docx');
export const loadS3Client = onFirstUse<typeof import('@aws-sdk/client-s3')>('@aws-sdk/client-s3');
