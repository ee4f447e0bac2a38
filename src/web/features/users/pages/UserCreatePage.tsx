import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UserCreateBody } from '../../../../contracts/users.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { contractResolver } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateUser, type User } from '../api/users.js';
import { OneTimePassword } from '../components/OneTimePassword.js';
import { scopeOf, UserForm, userFormValues, type UserFormValues } from '../components/UserForm.js';

const resolver = contractResolver<UserFormValues, typeof UserCreateBody>(UserCreateBody, (values) => ({
  email: values.email,
  fullName: values.fullName,
  // An empty password field means "generate a one-time password".
  password: values.password || undefined,
  ...scopeOf(values),
}));

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createUser = useCreateUser();
  const [created, setCreated] = useState<{ user: User; oneTimePassword: string } | null>(null);

  return (
    <Stack gap={0} maw={860}>
      <PageHeader title={t('users.new')} back={{ to: '/users', label: t('users.title') }} />
      {created ? (
        <OneTimePassword email={created.user.email} password={created.oneTimePassword} onDone={() => void navigate('/users')} />
      ) : (
        <UserForm
          mode="create"
          defaultValues={userFormValues()}
          resolver={resolver}
          submitLabel={t('users.new')}
          onCancel={() => void navigate('/users')}
          onSubmit={async (input) => {
            const result = await createUser.mutateAsync(input);
            notifySuccess(t('users.created', { email: result.user.email }));
            if (result.oneTimePassword) setCreated({ user: result.user, oneTimePassword: result.oneTimePassword });
            else await navigate('/users');
          }}
        />
      )}
    </Stack>
  );
}
