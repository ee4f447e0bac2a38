/** A multipart/form-data body: text fields first (as the server reads them before the file), then the file. */
export function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; contentType?: string }, fileField = 'file') {
  const boundary = '----ocoptest';
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  return {
    payload: Buffer.concat([
      ...parts,
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart/form-data body with several files in one field (the import's "files"). */
export function multipartFiles(files: { name: string; data: Buffer }[], field = 'files') {
  const boundary = '----ocoptestfiles';
  return {
    payload: Buffer.concat([
      ...files.flatMap((f) => [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        f.data,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
