import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunes } from '../lib/reference.js';
import { accentInsensitiveFilter } from '../lib/text.js';

function useCommuneOptions() {
  const { data, isLoading } = useCommunes();
  const options = useMemo(() => (data ?? []).map((c) => ({ value: c.code, label: c.name })), [data]);
  return { options, isLoading };
}

/** One commune/ward of the province, searchable without accents ("sa dec" finds "Sa Đéc"). */
export function CommuneSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const { options, isLoading } = useCommuneOptions();
  return (
    <Select
      label={t('select.commune')}
      placeholder={t('select.communePlaceholder')}
      searchable
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('select.nothingFound')}
      disabled={isLoading}
      {...props}
      data={options}
    />
  );
}

export function CommuneMultiSelect(props: Omit<MultiSelectProps, 'data'>) {
  const { t } = useTranslation();
  const { options } = useCommuneOptions();
  return (
    <MultiSelect
      placeholder={t('select.communePlaceholder')}
      searchable
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('select.nothingFound')}
      hidePickedOptions
      {...props}
      data={options}
    />
  );
}
