import { SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProductFormValues } from './ProductForm.js';
import { useProductLabels } from './labels.js';
import { FieldArrayEditor, type FieldArrayLabels } from '../../../components/FieldArrayEditor.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { typedDateInputProps } from '../../../lib/forms.js';

export type CertificationFormValue = { kind: string | null; number: string; issuer: string; expiresOn: string | null };
export type IpTitleFormValue = { kind: string | null; number: string; owner: string };

type ArrayFieldProps<Key extends 'certifications' | 'ipTitles', Out> = {
  control: Control<ProductFormValues, unknown, Out>;
  register: UseFormRegister<ProductFormValues>;
  errors: FieldErrors<ProductFormValues>[Key];
};

/** The wording of a product's repeatable group, from its translation keys. */
function useArrayLabels(group: 'certification' | 'ipTitle'): FieldArrayLabels {
  const { t } = useTranslation();
  return {
    none: t(`products.${group}.none`),
    add: t(`products.${group}.add`),
    item: (index) => t(`products.${group}.item`, { index }),
    remove: (index) => t(`products.${group}.remove`, { index }),
  };
}

export function CertificationsField<Out>({ control, register, errors }: ArrayFieldProps<'certifications', Out>) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  const groupLabels = useArrayLabels('certification');
  return (
    <FieldArrayEditor
      control={control}
      name="certifications"
      labels={groupLabels}
      blank={{ kind: 'vietgap', number: '', issuer: '', expiresOn: null }}
      focusField="number"
    >
      {(index) => {
        const entryErrors = errors?.[index];
        return (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FormSelect
              control={control}
              name={`certifications.${index}.kind`}
              label={t('products.certification.kind')}
              required
              data={labels.certificationKindOptions}
              allowDeselect={false}
              error={entryErrors?.kind?.message}
            />
            <TextInput
              label={t('products.certification.number')}
              required
              error={entryErrors?.number?.message}
              {...register(`certifications.${index}.number`)}
            />
            <TextInput label={t('products.certification.issuer')} error={entryErrors?.issuer?.message} {...register(`certifications.${index}.issuer`)} />
            <Controller
              control={control}
              name={`certifications.${index}.expiresOn`}
              render={({ field }) => (
                <DateInput
                  label={t('products.certification.expiresOn')}
                  placeholder={t('common.datePlaceholder')}
                  valueFormat="DD/MM/YYYY"
                  clearable
                  {...typedDateInputProps(field)}
                  ref={field.ref}
                  error={entryErrors?.expiresOn?.message}
                />
              )}
            />
          </SimpleGrid>
        );
      }}
    </FieldArrayEditor>
  );
}

export function IpTitlesField<Out>({ control, register, errors }: ArrayFieldProps<'ipTitles', Out>) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  const groupLabels = useArrayLabels('ipTitle');
  return (
    <FieldArrayEditor control={control} name="ipTitles" labels={groupLabels} blank={{ kind: 'trademark', number: '', owner: '' }} focusField="number">
      {(index) => {
        const entryErrors = errors?.[index];
        return (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FormSelect
              control={control}
              name={`ipTitles.${index}.kind`}
              label={t('products.ipTitle.kind')}
              required
              data={labels.ipTitleKindOptions}
              allowDeselect={false}
              error={entryErrors?.kind?.message}
            />
            <TextInput label={t('products.ipTitle.number')} required error={entryErrors?.number?.message} {...register(`ipTitles.${index}.number`)} />
            <TextInput label={t('products.ipTitle.owner')} error={entryErrors?.owner?.message} {...register(`ipTitles.${index}.owner`)} />
          </SimpleGrid>
        );
      }}
    </FieldArrayEditor>
  );
}
