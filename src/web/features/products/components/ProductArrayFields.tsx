import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Controller, useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProductFormValues } from './ProductForm.js';
import { useProductLabels } from './labels.js';
import { FormSelect } from '../../../components/FormSelect.js';

export type CertificationFormValue = { kind: string | null; number: string; issuer: string; expiresOn: string | null };
export type IpTitleFormValue = { kind: string | null; number: string; owner: string };

type ArrayFieldProps<Key extends 'certifications' | 'ipTitles', Out> = {
  control: Control<ProductFormValues, unknown, Out>;
  register: UseFormRegister<ProductFormValues>;
  errors: FieldErrors<ProductFormValues>[Key];
};

/** One removable entry of a repeatable group: a numbered fieldset, so its inputs are told apart. */
function EntryFieldset({ title, removeLabel, onRemove, children }: { title: string; removeLabel: string; onRemove: () => void; children: ReactNode }) {
  return (
    <Fieldset legend={title} variant="filled" radius="md">
      {children}
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove}>
          {removeLabel}
        </Button>
      </Group>
    </Fieldset>
  );
}

export function CertificationsField<Out>({ control, register, errors }: ArrayFieldProps<'certifications', Out>) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  const { fields, append, remove } = useFieldArray({ control, name: 'certifications' });
  return (
    <Stack>
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('products.certification.none')}
        </Text>
      )}
      {fields.map((entry, index) => {
        const entryErrors = errors?.[index];
        const number = index + 1;
        return (
          <EntryFieldset
            key={entry.id}
            title={t('products.certification.item', { index: number })}
            removeLabel={t('products.certification.remove', { index: number })}
            onRemove={() => remove(index)}
          >
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
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={entryErrors?.expiresOn?.message}
                  />
                )}
              />
            </SimpleGrid>
          </EntryFieldset>
        );
      })}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        w="fit-content"
        onClick={() => append({ kind: 'vietgap', number: '', issuer: '', expiresOn: null }, { focusName: `certifications.${fields.length}.number` })}
      >
        {t('products.certification.add')}
      </Button>
    </Stack>
  );
}

export function IpTitlesField<Out>({ control, register, errors }: ArrayFieldProps<'ipTitles', Out>) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  const { fields, append, remove } = useFieldArray({ control, name: 'ipTitles' });
  return (
    <Stack>
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('products.ipTitle.none')}
        </Text>
      )}
      {fields.map((entry, index) => {
        const entryErrors = errors?.[index];
        const number = index + 1;
        return (
          <EntryFieldset
            key={entry.id}
            title={t('products.ipTitle.item', { index: number })}
            removeLabel={t('products.ipTitle.remove', { index: number })}
            onRemove={() => remove(index)}
          >
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
          </EntryFieldset>
        );
      })}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        w="fit-content"
        onClick={() => append({ kind: 'trademark', number: '', owner: '' }, { focusName: `ipTitles.${fields.length}.number` })}
      >
        {t('products.ipTitle.add')}
      </Button>
    </Stack>
  );
}
