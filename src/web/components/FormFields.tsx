import { NumberInput, Text, type NumberInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { typedDateInputProps } from '../lib/forms.js';

/** Inputs bound to react-hook-form fields that the forms of several areas share. */

type Bound<T extends FieldValues, TOut, N extends FieldPath<T>> = { control: Control<T, unknown, TOut>; name: N };

/**
 * A calendar date: dd/mm/yyyy on screen, yyyy-mm-dd (or null) in the form. An optional date can be
 * cleared unless told otherwise; a required one cannot. A typed date that does not exist
 * (31/02/2099) stays as typed so the form's contract refuses it with a message (typedDateInputProps).
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
          {...typedDateInputProps(field)}
          ref={field.ref}
        />
      )}
    />
  );
}

/**
 * How a count or amount input reads what is typed: Vietnamese grouping and decimal comma, no
 * stripping of a minus sign or a decimal part, no clamping to `min` on blur. The contracts refuse a
 * negative or fractional count by name; an input that quietly dropped the "-" would save 3 for -3.
 */
export const WHOLE_NUMBER_INPUT = {
  min: 0,
  clampBehavior: 'none',
  allowNegative: true,
  allowDecimal: true,
  thousandSeparator: '.',
  decimalSeparator: ',',
  hideControls: true,
  inputMode: 'numeric',
} as const satisfies Partial<NumberInputProps>;

/**
 * A whole count or amount, grouped the Vietnamese way (1.250.000); with `vnd` it carries the đồng
 * sign. Empty stays '' (absent), never 0. What is typed is kept as it is (WHOLE_NUMBER_INPUT): "-3"
 * or "2,5" reach the form's contract, which refuses them with a message, instead of silently
 * becoming 3 or 25.
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
          {...WHOLE_NUMBER_INPUT}
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
