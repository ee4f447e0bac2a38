import { Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { UserUpdateBody } from '../../../../contracts/users.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { contractResolver } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useUpdateUser, useUser } from '../api/users.js';
import { ResetPasswordButton } from '../components/ResetPasswordButton.js';
import { scopeOf, UserForm, userFormValues, type UserFormValues } from '../components/UserForm.js';

const resolver = contractResolver<UserFormValues, typeof UserUpdateBody>(UserUpdateBody, (values) => ({
  fullName: values.fullName,
  active: values.active,
  ...scopeOf(values),
}));

export function UserEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser(id);
  const updateUser = useUpdateUser(id);
  const defaultValues = useMemo(() => (user.data ? userFormValues(user.data) : null), [user.data]);

  if (user.isPending) return <PageLoader />;
  if (user.isError || !defaultValues) return <QueryError error={user.error} onRetry={() => void user.refetch()} />;

  return (
    <Stack gap={0} maw={860}>
      <PageHeader
        title={t('users.editTitle')}
        description={user.data.email}
        back={{ to: '/users', label: t('users.title') }}
        actions={<ResetPasswordButton user={user.data} />}
      />
      <UserForm
        key={user.data.id}
        mode="edit"
        defaultValues={defaultValues}
        resolver={resolver}
        submitLabel={t('common.save')}
        onCancel={() => void navigate('/users')}
        onSubmit={async (input) => {
          await updateUser.mutateAsync(input);
          notifySuccess(t('common.saved'));
          await navigate('/users');
        }}
      />
    </Stack>
  );
}
