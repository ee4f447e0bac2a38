import nodemailer, { type Transporter } from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void> };

/** A mailer over SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.vn:587), or none when unset. */
export function createMailer(opts: { smtpUrl?: string | undefined; from: string; transport?: Transporter }): Mailer | undefined {
  const transport = opts.transport ?? (opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined);
  if (!transport) return undefined;
  return {
    async send(mail) {
      await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
