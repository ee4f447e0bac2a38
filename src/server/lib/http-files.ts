import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The text fields of a multipart request and its one file (named `fileField`), in whatever order the
 * client sent them — unlike `request.file()`, which sees only the fields sent before the file.
 */
export async function multipartParts(
  request: FastifyRequest,
  fileField: string,
): Promise<{ fields: Record<string, string>; file: { filename: string; data: Buffer } | undefined }> {
  const fields: Record<string, string> = {};
  let file: { filename: string; data: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname === fileField) file = { filename: part.filename, data };
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return { fields, file };
}

/** A stored file as a private download, its name kept in UTF-8 (RFC 6266). */
export const sendFile = (reply: FastifyReply, f: { data: Buffer; mimeType: string; filename: string }) =>
  reply
    .header('content-type', f.mimeType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('cache-control', 'private, no-store')
    .send(f.data);

/** A generated Word document. */
export const sendDocx = (reply: FastifyReply, filename: string, data: Buffer) =>
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(data);
