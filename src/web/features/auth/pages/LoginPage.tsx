import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LoginBody } from '../../../../contracts/auth.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { contractResolver, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import { useSession } from '../../../lib/session.js';
import { useLogin, type LoginInput } from '../api/auth.js';
import { AuthCard } from '../components/AuthCard.js';
import { PasswordField } from '../../../components/PasswordField.js';

type LoginForm = { email: string; password: string };

const resolver = contractResolver<LoginForm, typeof LoginBody>(LoginBody);

/** Where to go after signing in: the page the guard turned the user away from, if it was ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' && from !== '/' ? from : '/dashboard';
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm<LoginForm, unknown, LoginInput>({ resolver, defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const language = useLanguage();
  const { reset: resetLogin } = login;

  // The server's message is in the language it was asked in: drop it when the language changes.
  useEffect(() => {
    resetLogin();
  }, [language, resetLogin]);

  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={returnPath(location.state)} replace />;

  const submit = form.handleSubmit((body) =>
    login.mutate(body, {
      onSuccess: () => void navigate(returnPath(location.state), { replace: true }),
    }),
  );
  const serverError = login.error?.message;

  return (
    <AuthCard title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {serverError && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('auth.loginFailed')} role="alert">
              {serverError}
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
          <PasswordField label={t('auth.password')} autoComplete="current-password" required error={errors.password?.message} {...form.register('password')} />
          <Button type="submit" fullWidth loading={login.isPending} mt="xs">
            {t('auth.signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t('passwordReset.forgotLink')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
