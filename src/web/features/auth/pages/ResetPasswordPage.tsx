import { Alert, Anchor, Button, Loader, Stack } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { PASSWORD_MIN } from '../../../../contracts/auth.js';
import { fail } from '../../../../contracts/messages.js';
import { PasswordResetBody } from '../../../../contracts/password-reset.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { PasswordField } from '../../../components/PasswordField.js';
import { isApiError } from '../../../lib/api/client.js';
import { contractResolver, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { bilingual, useLanguage } from '../../../lib/i18n/index.js';
import { useSession } from '../../../lib/session.js';
import { useCheckResetLink, useResetPassword } from '../api/password-reset.js';
import { AuthCard } from '../components/AuthCard.js';

type ResetForm = { newPassword: string; confirmPassword: string };

/** The new password typed the same twice (the confirmation is never sent). */
const ResetFormSchema = PasswordResetBody.pick({ newPassword: true })
  .extend({ confirmPassword: PasswordResetBody.shape.newPassword })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword) fail(ctx, bilingual('auth.passwordMismatch'), ['confirmPassword']);
  });
const resolver = contractResolver<ResetForm, typeof ResetFormSchema>(ResetFormSchema);

/**
 * The token of the link: from the address the e-mail opened, then kept in the history entry only,
 * so it leaves the address bar (and what a screen share or a shoulder sees) at once.
 */
function useResetToken(): string {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const fromUrl = params.get('token');
  const token = fromUrl ?? (location.state as { token?: string } | null)?.token ?? '';
  useEffect(() => {
    if (fromUrl) void navigate('/reset-password', { replace: true, state: { token: fromUrl } });
  }, [fromUrl, navigate]);
  return token;
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useResetToken();
  // Loads the session (and its CSRF token) of a browser that is still signed in.
  const session = useSession();
  const check = useCheckResetLink();
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const language = useLanguage();
  const form = useForm<ResetForm, unknown, z.output<typeof ResetFormSchema>>({ resolver, defaultValues: { newPassword: '', confirmPassword: '' } });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const { mutate: checkLink } = check;

  // Checked on arrival (and again after a language switch, so the server's message follows it).
  useEffect(() => {
    if (token && !done) checkLink(token);
  }, [token, language, done, checkLink]);

  if (session.isPending) return <PageLoader />;

  const submit = form.handleSubmit(({ newPassword }) =>
    reset.mutate(
      { token, newPassword },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          if (isApiError(error) && error.fields.newPassword)
            form.setError('newPassword', { type: 'server', message: error.fields.newPassword }, { shouldFocus: true });
        },
      },
    ),
  );

  const backToLogin = (
    <Anchor component={Link} to="/login" size="sm" ta="center">
      {t('passwordReset.backToLogin')}
    </Anchor>
  );

  if (done)
    return (
      <AuthCard title={t('passwordReset.doneTitle')}>
        <Stack>
          <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
            {t('passwordReset.done')}
          </Alert>
          <Button component={Link} to="/login" replace fullWidth>
            {t('passwordReset.goToLogin')}
          </Button>
        </Stack>
      </AuthCard>
    );

  // A link that cannot be used (missing, unknown, spent, expired), or one spent while the form was open.
  const linkError = !token ? t('passwordReset.noToken') : check.error ? check.error.message : null;
  const resetError = reset.error && !(isApiError(reset.error) && reset.error.fields.newPassword) ? reset.error.message : null;
  if (linkError)
    return (
      <AuthCard title={t('passwordReset.resetTitle')}>
        <Stack>
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('passwordReset.linkProblem')} role="alert">
            {linkError}
          </Alert>
          <Button component={Link} to="/forgot-password" fullWidth>
            {t('passwordReset.askAgain')}
          </Button>
          {backToLogin}
        </Stack>
      </AuthCard>
    );

  if (!check.data)
    return (
      <AuthCard title={t('passwordReset.resetTitle')} subtitle={t('passwordReset.checking')}>
        <Stack align="center">
          <Loader aria-label={t('passwordReset.checking')} />
        </Stack>
      </AuthCard>
    );

  return (
    <AuthCard title={t('passwordReset.resetTitle')} subtitle={t('passwordReset.resetFor', { email: check.data.email })}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {resetError && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('passwordReset.linkProblem')} role="alert">
              {resetError}{' '}
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('passwordReset.askAgain')}
              </Anchor>
            </Alert>
          )}
          {/* Lets a password manager file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={check.data.email} readOnly hidden />
          <PasswordField
            label={t('auth.newPassword')}
            description={t('auth.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            autoFocus
            error={errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <PasswordField
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            error={errors.confirmPassword?.message}
            {...form.register('confirmPassword')}
          />
          <Button type="submit" fullWidth loading={reset.isPending}>
            {t('passwordReset.save')}
          </Button>
          {backToLogin}
        </Stack>
      </form>
    </AuthCard>
  );
}
