import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Subject, SubjectList } from '../../contracts/registry.js';
import { apiRequest } from '../lib/api/client.js';
import { keepServerOrder } from '../lib/text.js';

type SubjectSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'>;

/**
 * Picks a subject (chủ thể) by searching the server, which matches without accents and only
 * within the user's scope. The chosen subject stays listed even when it is not in the results.
 */
export function SubjectSelect({ value, ...props }: SubjectSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);

  const results = useQuery({
    queryKey: ['subjects', 'picker', debouncedSearch],
    queryFn: ({ signal }) => apiRequest('/subjects', { query: { q: debouncedSearch, pageSize: 20 }, schema: SubjectList, signal }),
    placeholderData: keepPreviousData,
  });
  const selected = useQuery({
    queryKey: ['subjects', 'detail', value],
    queryFn: ({ signal }) => apiRequest(`/subjects/${value}`, { schema: Subject, signal }),
    enabled: Boolean(value),
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const items = results.data?.items ?? [];
    const chosen = selected.data && !items.some((s) => s.id === selected.data.id) ? [selected.data] : [];
    return [...chosen, ...items].map((s) => ({ value: s.id, label: s.name }));
  }, [results.data, selected.data]);

  return (
    <Select
      label={t('select.subject')}
      placeholder={t('select.subjectPlaceholder')}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('select.nothingFound')}
      {...props}
      rightSection={props.readOnly ? props.rightSection : results.isFetching ? <Loader size="xs" /> : props.rightSection}
      value={value}
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerOrder}
    />
  );
}
