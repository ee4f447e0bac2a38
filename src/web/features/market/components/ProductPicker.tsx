import { Loader, MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepServerOrder } from '../../../lib/text.js';
import { useProductSearch } from '../api/products.js';

type ProductPickerProps = Omit<MultiSelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (value: string[]) => void;
  /** Products already there, left out of the choices. */
  exclude?: readonly string[];
};

/**
 * Picks products of the province by searching the server (accent-insensitive, within the user's
 * scope); the chosen ones stay listed with their names while the search moves on.
 */
export function ProductPicker({ value, onChange, exclude = [], ...props }: ProductPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useProductSearch(debounced);
  const chosen = useRef(new Map<string, string>());

  const options = useMemo(() => {
    const found = (results.data?.items ?? []).filter((p) => !exclude.includes(p.id));
    for (const p of found) chosen.current.set(p.id, `${p.name} — ${p.subjectName}`);
    const ids = [...new Set([...value, ...found.map((p) => p.id)])];
    return ids.map((id) => ({ value: id, label: chosen.current.get(id) ?? id }));
  }, [results.data, exclude, value]);

  return (
    <MultiSelect
      label={t('market.products.pick')}
      placeholder={t('market.products.pickPlaceholder')}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('select.nothingFound')}
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      hidePickedOptions
      {...props}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerOrder}
    />
  );
}
