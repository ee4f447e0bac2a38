import { Alert, Checkbox, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SubjectInput as SubjectInputSchema } from '../../../../contracts/registry.js';
import { validateTaxCode } from '../../../../domain/identifiers/index.js';
import type { Gender, LegalForm, SubjectStatus } from '../../../../domain/subjects/legal-forms.js';
import { taxCodeKey } from '../../../../domain/subjects/tax-code.js';
import { CommuneSelect } from '../../../components/CommuneSelect.js';
import { readOnlySelectProps } from '../../../components/read-only.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { contractResolver, reportMutationError, textOrEmpty, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { useTaxCodeHolders, type Subject, type SubjectInput } from '../api/subjects.js';
import { TaxCodeWarning } from './TaxCodeWarning.js';
import { useSubjectLabels } from './labels.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { FormActions } from '../../../components/FormActions.js';

/** Editing state: text inputs hold strings, Selects hold null until chosen, numbers may be blank. */
export type SubjectFormValues = {
  name: string;
  legalForm: LegalForm | null;
  communeCode: string | null;
  taxCode: string;
  representativeName: string;
  representativeGender: Gender | null;
  representativeEthnicity: string;
  representativeDisability: boolean;
  address: string;
  phone: string;
  email: string;
  foundedOn: string | null;
  workforceTotal: number | string;
  workforceLocal: number | string;
  workforceWomen: number | string;
  status: SubjectStatus;
  /** Ticked in the warning about a tax code already registered (TaxCodeWarning). */
  confirmBranch: boolean;
};

const blankCount = (value: number | null) => value ?? '';

export function subjectFormValues(subject?: Subject): SubjectFormValues {
  return {
    name: subject?.name ?? '',
    legalForm: subject?.legalForm ?? null,
    communeCode: subject?.communeCode ?? null,
    taxCode: textOrEmpty(subject?.taxCode),
    representativeName: textOrEmpty(subject?.representativeName),
    representativeGender: subject?.representativeGender ?? null,
    representativeEthnicity: textOrEmpty(subject?.representativeEthnicity),
    representativeDisability: subject?.representativeDisability ?? false,
    address: textOrEmpty(subject?.address),
    phone: textOrEmpty(subject?.phone),
    email: textOrEmpty(subject?.email),
    foundedOn: subject?.foundedOn ?? null,
    workforceTotal: blankCount(subject?.workforceTotal ?? null),
    workforceLocal: blankCount(subject?.workforceLocal ?? null),
    workforceWomen: blankCount(subject?.workforceWomen ?? null),
    status: subject?.status ?? 'active',
    confirmBranch: false,
  };
}

const resolver = contractResolver<SubjectFormValues, typeof SubjectInputSchema>(SubjectInputSchema);

type SubjectFormProps = {
  initial?: Subject;
  /** Commune and status are the administration's to change (canManageSubjectPlacement). */
  canChangePlacement: boolean;
  submitLabel: string;
  onSubmit: (input: SubjectInput) => Promise<unknown>;
  onCancel: () => void;
};

export function SubjectForm({ initial, canChangePlacement, submitLabel, onSubmit, onCancel }: SubjectFormProps) {
  const { t } = useTranslation();
  const labels = useSubjectLabels();
  const form = useForm<SubjectFormValues, unknown, SubjectInput>({ resolver, defaultValues: subjectFormValues(initial) });
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);
  const { control, register } = form;

  // A valid tax code other than the record's own is looked up as soon as it is typed: the server
  // refuses one already registered unless a branch is confirmed (domain/subjects/tax-code.ts).
  const [typedTaxCode] = useDebouncedValue(form.watch('taxCode'), 300);
  const typed = validateTaxCode(typedTaxCode);
  const lookup = typed.ok && taxCodeKey(typed.value) !== taxCodeKey(initial?.taxCode) ? typed.value : null;
  const holders = useTaxCodeHolders(lookup, initial?.id);
  const taken = lookup !== null && holders.data?.registered === true ? holders.data : null;
  // A confirmation is for the code it was given for.
  useEffect(() => form.setValue('confirmBranch', false), [lookup, form]);

  const submit = form.handleSubmit(async (input) => {
    try {
      await onSubmit({ ...input, confirmBranch: taken !== null && input.confirmBranch === true });
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  const countField = (name: 'workforceTotal' | 'workforceLocal' | 'workforceWomen') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={t(`subjects.fields.${name}`)}
          min={0}
          // Typed as it is: "-3" or "2,5" reach the contract and are refused with a message, not turned into 3 or 25.
          clampBehavior="none"
          thousandSeparator="."
          decimalSeparator=","
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          error={errors[name]?.message}
        />
      )}
    />
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <SectionCard title={t('subjects.sections.general')}>
          <Stack>
            <TextInput label={t('subjects.fields.name')} required error={errors.name?.message} {...register('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormSelect
                control={control}
                name="legalForm"
                label={t('subjects.fields.legalForm')}
                placeholder={t('select.choose')}
                required
                data={labels.legalFormOptions}
                error={errors.legalForm?.message}
              />
              <TextInput label={t('subjects.fields.taxCode')} inputMode="numeric" error={errors.taxCode?.message} {...register('taxCode')} />
              <Controller
                control={control}
                name="communeCode"
                render={({ field }) => (
                  <CommuneSelect
                    label={t('subjects.fields.communeCode')}
                    required
                    value={field.value}
                    onChange={(value) => field.onChange(value)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    {...readOnlySelectProps(!canChangePlacement)}
                    error={errors.communeCode?.message}
                  />
                )}
              />
              <FormSelect
                control={control}
                name="status"
                label={t('subjects.fields.status')}
                data={labels.statusOptions}
                allowDeselect={false}
                {...readOnlySelectProps(!canChangePlacement)}
                error={errors.status?.message}
              />
              <Controller
                control={control}
                name="foundedOn"
                render={({ field }) => (
                  <DateInput
                    label={t('subjects.fields.foundedOn')}
                    placeholder={t('common.datePlaceholder')}
                    valueFormat="DD/MM/YYYY"
                    clearable
                    maxDate={new Date()}
                    {...typedDateInputProps(field)}
                    ref={field.ref}
                    error={errors.foundedOn?.message}
                  />
                )}
              />
            </SimpleGrid>
            {taken && <TaxCodeWarning holders={taken} confirm={register('confirmBranch')} />}
            {!canChangePlacement && (
              <Alert color="gray" icon={<IconInfoCircle aria-hidden />} p="xs">
                {t('subjects.placementLocked')}
              </Alert>
            )}
          </Stack>
        </SectionCard>

        <SectionCard title={t('subjects.sections.representative')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('subjects.fields.representativeName')}
              autoComplete="off"
              error={errors.representativeName?.message}
              {...register('representativeName')}
            />
            <FormSelect
              control={control}
              name="representativeGender"
              label={t('subjects.fields.representativeGender')}
              placeholder={t('select.choose')}
              data={labels.genderOptions}
              clearable
              error={errors.representativeGender?.message}
            />
            <TextInput
              label={t('subjects.fields.representativeEthnicity')}
              error={errors.representativeEthnicity?.message}
              {...register('representativeEthnicity')}
            />
            <Checkbox
              label={t('subjects.fields.representativeDisability')}
              mt={{ sm: 'xl' }}
              error={errors.representativeDisability?.message}
              {...register('representativeDisability')}
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard title={t('subjects.sections.contact')}>
          <Stack>
            <TextInput label={t('subjects.fields.address')} error={errors.address?.message} {...register('address')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('subjects.fields.phone')} type="tel" inputMode="tel" error={errors.phone?.message} {...register('phone')} />
              <TextInput label={t('subjects.fields.email')} type="email" inputMode="email" error={errors.email?.message} {...register('email')} />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('subjects.sections.workforce')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {countField('workforceTotal')}
            {countField('workforceLocal')}
            {countField('workforceWomen')}
          </SimpleGrid>
        </SectionCard>

        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
