import { NumberInput, Text, type NumberInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** Inputs bound to react-hook-form fields that the forms of several areas share. */

type Bound<T extends FieldValues, TOut, N extends FieldPath<T>> = { control: Control<T, unknown, TOut>; name: N };

/**
 * A calendar date: dd/mm/yyyy on screen, yyyy-mm-dd (or null) in the form. An optional date can be
 * cleared unless told otherwise; a required one cannot.
 */
export function FormDateInput<T extends FieldValues, TOut, N extends FieldPath<T>>({
  control,
  name,
  ...input
}: Bound<T, TOut, N> & Omit<DateInputProps, 'value' | 'onChange' | 'onBlur' | 'name'>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          valueFormat="DD/MM/YYYY"
          placeholder={t('common.datePlaceholder')}
          clearable={!input.required}
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

/**
 * A whole count or amount, grouped the Vietnamese way (1.250.000), never negative; with `vnd` it
 * carries the đồng sign. Empty stays '' (absent), never 0.
 */
export function FormNumberInput<T extends FieldValues, TOut, N extends FieldPath<T>>({
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
