import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { yearOptions } from './years.js';

type YearSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: number | null; onChange: (year: number | null) => void };

/** A year of the programme, newest first; clearable where "every year" makes sense. */
export function YearSelect({ value, onChange, ...props }: YearSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('programme.year')}
      {...props}
      data={yearOptions(new Date().getFullYear()).map(String)}
      value={value === null ? null : String(value)}
      onChange={(year) => onChange(year ? Number(year) : null)}
    />
  );
}
