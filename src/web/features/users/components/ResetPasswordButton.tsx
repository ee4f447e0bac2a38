import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../contracts/auth.js';
import { ResetPasswordBody } from '../../../../contracts/users.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useResetPassword, type ResetPasswordInput, type User } from '../api/users.js';
import { OneTimePassword } from './OneTimePassword.js';
import { PasswordField } from '../../../components/PasswordField.js';

type ResetForm = { password: string };
const resolver = contractResolver<ResetForm, typeof ResetPasswordBody>(ResetPasswordBody, (values) => ({ password: values.password || undefined }));

/** Resets a user's password to one the admin types, or to a generated one-time password shown once. */
export function ResetPasswordButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);
  const reset = useResetPassword(user.id);
  const form = useForm<ResetForm, unknown, ResetPasswordInput>({ resolver, defaultValues: { password: '' } });
  useMessagesFollowLanguage(form);

  const closeAll = () => {
    setOneTimePassword(null);
    form.reset();
    close();
  };

  const submit = form.handleSubmit((body) =>
    reset.mutate(body, {
      onSuccess: (result) => {
        notifySuccess(t('users.resetPassword.done'));
        if (result.oneTimePassword) setOneTimePassword(result.oneTimePassword);
        else closeAll();
      },
      onError: (error) => reportMutationError(error, form.setError),
    }),
  );

  return (
    <>
      <Button variant="light" color="orange" leftSection={<IconKey size={16} aria-hidden />} onClick={open}>
        {t('users.resetPassword.button')}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={closeAll} title={t('users.resetPassword.title')} centered>
        {oneTimePassword ? (
          <OneTimePassword email={user.email} password={oneTimePassword} onDone={closeAll} />
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack>
              <Text size="sm">{t('users.resetPassword.body', { email: user.email })}</Text>
              <PasswordField
                label={`${t('users.resetPassword.password')} (${t('common.optional')})`}
                description={`${t('users.resetPassword.passwordHint')} ${t('auth.passwordHint', { min: PASSWORD_MIN })}`}
                autoComplete="new-password"
                error={form.formState.errors.password?.message}
                {...form.register('password')}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={closeAll}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color="orange" loading={reset.isPending}>
                  {t('users.resetPassword.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
