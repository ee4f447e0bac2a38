import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunes } from '../lib/reference.js';
import { accentInsensitiveFilter } from '../lib/text.js';

function useCommuneOptions(codes?: readonly string[]) {
  const { data, isLoading } = useCommunes();
  const options = useMemo(
    () => (data ?? []).filter((c) => codes === undefined || codes.includes(c.code)).map((c) => ({ value: c.code, label: c.name })),
    [data, codes],
  );
  return { options, isLoading };
}

export type CommuneSelectProps = Omit<SelectProps, 'data'> & {
  /** Only these communes are offered (in the province's order), e.g. those a user may record in; all when absent. */
  codes?: readonly string[];
};

/** One commune/ward of the province, searchable without accents ("sa dec" finds "Sa Đéc"). */
export function CommuneSelect({ codes, ...props }: CommuneSelectProps) {
  const { t } = useTranslation();
  const { options, isLoading } = useCommuneOptions(codes);
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
