import { NumberInput, Select, Text, type NumberInputProps, type SelectProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { criteriaSetLabel, useCriteriaSets } from '../../../lib/reference.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';

/**
 * Inputs the programme's forms share, bound to react-hook-form fields: a date shown dd/mm/yyyy and
 * sent yyyy-mm-dd, an amount of đồng with thousands separators, a whole number, and the criteria
 * sets.
 */

type Bound<T extends FieldValues, TOut, N extends FieldPath<T>> = { control: Control<T, unknown, TOut>; name: N };

/** Today as the API writes dates, the latest day of something already done. */
export const today = () => dayjs().format('YYYY-MM-DD');

export function FormDateInput<T extends FieldValues, TOut, N extends FieldPath<T>>({
  control,
  name,
  ...input
}: Bound<T, TOut, N> & Omit<DateInputProps, 'value' | 'onChange' | 'name'>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          valueFormat="DD/MM/YYYY"
          placeholder={t('common.datePlaceholder')}
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

/** Whole đồng, grouped the Vietnamese way (1.500.000), never negative. */
export function MoneyInput<T extends FieldValues, TOut, N extends FieldPath<T>>({
  control,
  name,
  ...input
}: Bound<T, TOut, N> & Omit<NumberInputProps, 'value' | 'onChange' | 'name'>) {
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
            <Text size="xs" c="dimmed">
              ₫
            </Text>
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

/** A count (participants, copies, people): a whole number, grouped like the amounts. */
export function CountInput<T extends FieldValues, TOut, N extends FieldPath<T>>({
  control,
  name,
  ...input
}: Bound<T, TOut, N> & Omit<NumberInputProps, 'value' | 'onChange' | 'name'>) {
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
          inputMode="numeric"
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

/** The criteria sets (bộ sản phẩm) by sector; values are the set numbers as text. */
export function CriteriaSetSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const { data } = useCriteriaSets();
  const bySector = new Map<string, { value: string; label: string }[]>();
  for (const set of data ?? []) bySector.set(set.sector, [...(bySector.get(set.sector) ?? []), { value: String(set.number), label: criteriaSetLabel(set) }]);
  return (
    <Select
      label={t('select.criteriaSet')}
      placeholder={t('select.criteriaSetPlaceholder')}
      searchable
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('select.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
      {...props}
      data={[...bySector].map(([group, items]) => ({ group, items }))}
    />
  );
}
