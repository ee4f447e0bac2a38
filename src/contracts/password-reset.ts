import { z } from 'zod';
import { PASSWORD_MIN } from './auth.js';

/** Asking for a link: the answer is the same whether or not the e-mail has an account. */
export const PasswordResetRequestBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)),
});

/** The token from the link (256 random bits, URL-safe base64); anything else is answered as an unknown link. */
const ResetToken = z.string().trim().min(1).max(500);

export const PasswordResetCheckBody = z.object({ token: ResetToken });
export const PasswordResetCheckResponse = z.object({ email: z.string(), expiresAt: z.iso.datetime() });

export const PasswordResetBody = z.object({
  token: ResetToken,
  newPassword: z.string().min(PASSWORD_MIN).max(200),
});
