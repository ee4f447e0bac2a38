import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordBody, PASSWORD_MIN } from '../../../../contracts/auth.js';
import { fail } from '../../../../contracts/messages.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { bilingual } from '../../../lib/i18n/index.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCurrentUser } from '../../../lib/session.js';
import { useChangePassword } from '../api/auth.js';
import { PasswordField } from '../../../components/PasswordField.js';

type ChangePasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

/** The contract plus a check that the new password was typed the same twice (never sent). */
const ChangePasswordFormSchema = ChangePasswordBody.extend({ confirmPassword: ChangePasswordBody.shape.newPassword }).superRefine((v, ctx) => {
  if (v.newPassword !== v.confirmPassword) fail(ctx, bilingual('auth.passwordMismatch'), ['confirmPassword']);
});
const resolver = contractResolver<ChangePasswordForm, typeof ChangePasswordFormSchema>(ChangePasswordFormSchema);

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const changePassword = useChangePassword();
  const form = useForm<ChangePasswordForm, unknown, z.output<typeof ChangePasswordFormSchema>>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(({ currentPassword, newPassword }) =>
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('auth.passwordChanged'));
          void navigate('/dashboard', { replace: true });
        },
        onError: (error) => reportMutationError(error, form.setError),
      },
    ),
  );

  return (
    <Stack maw={520}>
      <PageHeader title={t('auth.changePasswordTitle')} description={user.email} />
      {user.mustChangePassword && (
        <Alert color="orange" icon={<IconInfoCircle aria-hidden />} role="status">
          {t('auth.forcedNotice')}
        </Alert>
      )}
      <SectionCard>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <PasswordField
              label={t('auth.currentPassword')}
              autoComplete="current-password"
              required
              error={errors.currentPassword?.message}
              {...form.register('currentPassword')}
            />
            <PasswordField
              label={t('auth.newPassword')}
              description={t('auth.passwordHint', { min: PASSWORD_MIN })}
              autoComplete="new-password"
              required
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
            <Group justify="flex-end">
              {!user.mustChangePassword && (
                <Button variant="default" onClick={() => void navigate(-1)}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" loading={changePassword.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </SectionCard>
    </Stack>
  );
}
