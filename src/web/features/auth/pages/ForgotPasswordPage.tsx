import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetRequestBody } from '../../../../contracts/password-reset.js';
import { RESET_LINK_MINUTES } from '../../../../domain/policies/password-reset.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { contractResolver, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { useSession } from '../../../lib/session.js';
import { useRequestPasswordReset, type PasswordResetRequestInput } from '../api/password-reset.js';
import { AuthCard } from '../components/AuthCard.js';

type ForgotForm = { email: string };

const resolver = contractResolver<ForgotForm, typeof PasswordResetRequestBody>(PasswordResetRequestBody);

/**
 * Asks for a reset link by e-mail. The answer is the same whether or not the address has an
 * account, so the page says only what happens if it does.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  // Loads the session (and its CSRF token) of a browser that is still signed in.
  const session = useSession();
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<ForgotForm, unknown, PasswordResetRequestInput>({ resolver, defaultValues: { email: '' } });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);

  if (session.isPending) return <PageLoader />;

  const submit = form.handleSubmit((body) => request.mutate(body, { onSuccess: () => setSentTo(body.email) }));

  return (
    <AuthCard title={t('passwordReset.forgotTitle')} subtitle={sentTo ? undefined : t('passwordReset.forgotIntro')}>
      <Stack>
        {sentTo ? (
          <>
            <Alert color="green" icon={<IconMailCheck aria-hidden />} title={t('passwordReset.sentTitle')} role="status">
              {t('passwordReset.sent', { email: sentTo, minutes: RESET_LINK_MINUTES })}
            </Alert>
            <Button
              variant="default"
              fullWidth
              onClick={() => {
                request.reset();
                form.reset({ email: '' });
                setSentTo(null);
              }}
            >
              {t('passwordReset.sendAnother')}
            </Button>
          </>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack>
              {request.error && (
                <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                  {request.error.message}
                </Alert>
              )}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                inputMode="email"
                required
                autoFocus
                error={errors.email?.message}
                {...form.register('email')}
              />
              <Button type="submit" fullWidth loading={request.isPending}>
                {t('passwordReset.send')}
              </Button>
            </Stack>
          </form>
        )}
        <Alert color="gray" variant="light" title={t('passwordReset.noEmailTitle')}>
          <Text size="sm">{t('passwordReset.noEmail')}</Text>
        </Alert>
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t('passwordReset.backToLogin')}
        </Anchor>
      </Stack>
    </AuthCard>
  );
}
