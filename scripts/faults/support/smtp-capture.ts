/**
 * A local SMTP server that keeps every message it is given, for checks on what the platform sent:
 * enough of RFC 5321 for an SMTP client (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), no TLS, no
 * authentication. It listens on the loopback address only. `acceptDelayMs` holds each message's final
 * answer for a while, as a real server does when it is busy: a sender that does not guard the mail it
 * is sending gives another process the time to send it too.
 */
import net from 'node:net';

export type CapturedMail = { from: string; to: string[]; data: string; subject: string; at: number };

export class SmtpCapture {
  readonly mails: CapturedMail[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(opts: { acceptDelayMs?: number } = {}): Promise<SmtpCapture> {
    const delay = opts.acceptDelayMs ?? 0;
    const holder: { capture?: SmtpCapture } = {};
    const server = net.createServer((socket) => holder.capture!.serve(socket, delay));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    holder.capture = new SmtpCapture(server, typeof address === 'object' && address ? address.port : 0);
    return holder.capture;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private serve(socket: net.Socket, delay: number) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    let buffer = '';
    let from = '';
    let to: string[] = [];
    let data: string[] | undefined;
    reply('220 ocop-faults ESMTP capture');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line !== '.') {
            data.push(line.startsWith('..') ? line.slice(1) : line);
            continue;
          }
          const text = data.join('\r\n');
          data = undefined;
          const mail = { from, to, data: text, subject: subjectOf(text), at: Date.now() };
          from = '';
          to = [];
          // Kept when the answer is given: a client cut off before it will try again, as with a real server.
          setTimeout(() => {
            if (socket.destroyed) return;
            this.mails.push(mail);
            reply('250 2.0.0 queued');
          }, delay);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-ocop-faults\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING');
        else if (verb === 'HELO') reply('250 ocop-faults');
        else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          data = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') {
          from = '';
          to = [];
          reply('250 2.0.0 ok');
        } else if (verb === 'NOOP') reply('250 2.0.0 ok');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The Subject header, unfolded and with RFC 2047 encoded words decoded (UTF-8, B or Q). */
function subjectOf(message: string): string {
  const head = message.split('\r\n\r\n')[0] ?? '';
  const raw = /^Subject:(.*(?:\r\n[ \t].*)*)/im.exec(head)?.[1] ?? '';
  return raw
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}
