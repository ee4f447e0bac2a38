import { SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../contracts/auth.js';
import { accountReach, type Role } from '../../../../domain/policies/index.js';
import { CommuneMultiSelect } from '../../../components/CommuneSelect.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { SubjectSelect } from '../../../components/SubjectSelect.js';
import { reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { User } from '../api/users.js';
import { useRoleLabels } from './labels.js';
import { PasswordField } from '../../../components/PasswordField.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { FormActions } from '../../../components/FormActions.js';

export type UserFormValues = {
  email: string;
  fullName: string;
  role: Role | null;
  communeCodes: string[];
  subjectId: string | null;
  password: string;
  active: boolean;
};

export function userFormValues(user?: User): UserFormValues {
  return {
    email: user?.email ?? '',
    fullName: user?.fullName ?? '',
    role: user?.role ?? null,
    communeCodes: user?.communeCodes ?? [],
    subjectId: user?.subjectId ?? null,
    password: '',
    active: user?.active ?? true,
  };
}

/** Only the scope that matches the role is sent: communes for an officer, a subject for a producer. */
export function scopeOf(values: Pick<UserFormValues, 'role' | 'communeCodes' | 'subjectId'>) {
  const reach = values.role && accountReach(values.role);
  return {
    role: values.role,
    communeCodes: reach === 'communes' ? values.communeCodes : [],
    subjectId: reach === 'subject' ? values.subjectId : null,
  };
}

type UserFormProps<Output> = {
  mode: 'create' | 'edit';
  defaultValues: UserFormValues;
  resolver: Resolver<UserFormValues, unknown, Output>;
  submitLabel: string;
  onSubmit: (input: Output) => Promise<unknown>;
  onCancel: () => void;
};

export function UserForm<Output>({ mode, defaultValues, resolver, submitLabel, onSubmit, onCancel }: UserFormProps<Output>) {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  const form = useForm<UserFormValues, unknown, Output>({ resolver, defaultValues });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);
  const role = useWatch({ control, name: 'role' });
  const reach = role && accountReach(role);

  const submit = form.handleSubmit(async (input) => {
    try {
      await onSubmit(input);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <SectionCard>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('users.fields.email')}
                type="email"
                autoComplete="off"
                required={mode === 'create'}
                readOnly={mode === 'edit'}
                variant={mode === 'edit' ? 'filled' : 'default'}
                error={errors.email?.message}
                {...register('email')}
              />
              <TextInput label={t('users.fields.fullName')} required error={errors.fullName?.message} {...register('fullName')} />
              <FormSelect
                control={control}
                name="role"
                label={t('users.fields.role')}
                placeholder={t('select.choose')}
                required
                data={roles.roleOptions}
                allowDeselect={false}
                error={errors.role?.message}
              />
              {mode === 'edit' && <Switch label={t('users.fields.active')} mt={{ sm: 'xl' }} error={errors.active?.message} {...register('active')} />}
            </SimpleGrid>
            {reach === 'communes' && (
              <Controller
                control={control}
                name="communeCodes"
                render={({ field }) => (
                  <CommuneMultiSelect
                    label={t('users.fields.communeCodes')}
                    required
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.communeCodes?.message}
                  />
                )}
              />
            )}
            {reach === 'subject' && (
              <Controller
                control={control}
                name="subjectId"
                render={({ field }) => (
                  <SubjectSelect
                    label={t('users.fields.subjectId')}
                    required
                    value={field.value}
                    onChange={(value) => field.onChange(value)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.subjectId?.message}
                  />
                )}
              />
            )}
            {mode === 'create' && (
              <PasswordField
                label={`${t('users.fields.password')} (${t('common.optional')})`}
                description={`${t('users.fields.passwordHint')} ${t('auth.passwordHint', { min: PASSWORD_MIN })}`}
                autoComplete="new-password"
                error={errors.password?.message}
                {...register('password')}
              />
            )}
          </Stack>
        </SectionCard>
        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
