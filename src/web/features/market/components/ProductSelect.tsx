import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepServerOrder } from '../../../lib/text.js';
import { useProductSearch } from '../api/products.js';

type ProductSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'>;

/** One product of the province, found by searching the server; the chosen one stays listed. */
export function ProductSelect({ value, ...props }: ProductSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useProductSearch(debounced);
  const names = useRef(new Map<string, string>());

  const options = useMemo(() => {
    const found = results.data?.items ?? [];
    for (const p of found) names.current.set(p.id, `${p.name} — ${p.subjectName}`);
    const ids = [...new Set([...(value ? [value] : []), ...found.map((p) => p.id)])];
    return ids.map((id) => ({ value: id, label: names.current.get(id) ?? id }));
  }, [results.data, value]);

  return (
    <Select
      label={t('market.products.product')}
      placeholder={t('market.products.pickPlaceholder')}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('select.nothingFound')}
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      {...props}
      value={value}
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerOrder}
    />
  );
}
