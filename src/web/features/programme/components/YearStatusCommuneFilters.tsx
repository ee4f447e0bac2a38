import { Button, Select, SimpleGrid, type ComboboxData } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ActivityCommuneSelect } from '../../../components/ActivityCommuneSelect.js';
import { SearchInput } from '../../../components/SearchInput.js';
import type { ListParams } from '../../../lib/list-params.js';
import { YearSelect } from './YearSelect.js';

type Props = {
  list: ListParams<'year' | 'status' | 'communeCode'>;
  /** The filters as the page reads them from the address (the year defaulting to this year). */
  filters: { year: number | null; status: string | null; communeCode: string | null };
  search: { label: string; placeholder: string };
  status: { label: string; options: ComboboxData };
  yearLabel?: string;
};

/** The search and the year, status and commune filters of a programme list (ideas, business plans). */
export function YearStatusCommuneFilters({ list, filters, search, status, yearLabel }: Props) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
      <SearchInput label={search.label} placeholder={search.placeholder} value={list.q} onSearch={list.setQuery} />
      <YearSelect
        value={filters.year}
        onChange={(year) => list.setFilter('year', year === null ? null : String(year))}
        {...(yearLabel ? { label: yearLabel } : {})}
        placeholder={t('common.all')}
        clearable
      />
      <Select
        label={status.label}
        placeholder={t('common.all')}
        data={status.options}
        value={filters.status}
        onChange={(value) => list.setFilter('status', value)}
        clearable
      />
      <ActivityCommuneSelect value={filters.communeCode} onChange={(value) => list.setFilter('communeCode', value)} placeholder={t('common.all')} clearable />
      {list.hasFilters && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={list.clear} style={{ justifySelf: 'start' }}>
          {t('common.clearFilters')}
        </Button>
      )}
    </SimpleGrid>
  );
}
