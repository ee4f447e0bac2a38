import { NumberInput, Select, Text, type NumberInputProps, type SelectProps } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Province } from '../../../../contracts/reference.js';
import { apiRequest } from '../../../lib/api/client.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import { useAppInfo } from '../../../lib/reference.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';

type Bound<T extends FieldValues, TOut, N extends FieldPath<T>> = { control: Control<T, unknown, TOut>; name: N };

/**
 * A whole count or amount bound to a form field, grouped the Vietnamese way (1.250.000); with `vnd`
 * it carries the đồng sign. Empty stays '' (absent), never 0.
 */
export function FormNumber<T extends FieldValues, TOut, N extends FieldPath<T>>({
  control,
  name,
  vnd = false,
  ...input
}: Bound<T, TOut, N> & { vnd?: boolean } & Omit<NumberInputProps, 'value' | 'onChange' | 'onBlur' | 'name'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          hideControls
          inputMode="numeric"
          rightSection={
            vnd ? (
              <Text size="xs" c="dimmed" aria-hidden>
                ₫
              </Text>
            ) : undefined
          }
          {...input}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
        />
      )}
    />
  );
}

/** A calendar date bound to a form field: dd/mm/yyyy on screen, yyyy-mm-dd (or null) in the form. */
export function FormDate<T extends FieldValues, TOut, N extends FieldPath<T>>({
  control,
  name,
  label,
  error,
  required,
  description,
}: Bound<T, TOut, N> & { label: string; error?: string | undefined; required?: boolean; description?: string }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          label={label}
          description={description}
          required={required}
          placeholder={t('common.datePlaceholder')}
          valueFormat="DD/MM/YYYY"
          clearable={!required}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={error}
        />
      )}
    />
  );
}

function useProvinces() {
  return useQuery({
    queryKey: ['reference', 'provinces'],
    queryFn: ({ signal }) => apiRequest('/provinces', { schema: z.array(Province), signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Province code → name in the UI language, for records that carry only the code. */
export function useProvinceNames(): ReadonlyMap<string, string> {
  const language = useLanguage();
  const { data } = useProvinces();
  return useMemo(() => new Map((data ?? []).map((p) => [p.code, language === 'en' ? p.nameEn : p.name])), [data, language]);
}

/** Another province or city of the country (not the deployment's own), searchable without accents. */
export function OtherProvinceSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const own = useAppInfo().data?.provinceCode;
  const provinces = useProvinces();
  const options = useMemo(
    () => (provinces.data ?? []).filter((p) => p.code !== own).map((p) => ({ value: p.code, label: language === 'en' ? p.nameEn : p.name })),
    [provinces.data, own, language],
  );
  return (
    <Select
      label={t('market.placement.otherProvince')}
      placeholder={t('market.placement.otherProvincePlaceholder')}
      searchable
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('select.nothingFound')}
      disabled={provinces.isPending}
      {...props}
      data={options}
    />
  );
}
