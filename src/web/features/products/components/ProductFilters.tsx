import { Button, Select, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CommuneSelect } from '../../../components/CommuneSelect.js';
import { SearchInput } from '../../../components/SearchInput.js';
import type { ListParams } from '../../../lib/list-params.js';
import { CriteriaSetSelect } from './CriteriaSetSelect.js';
import { useProductLabels } from './labels.js';

export const PRODUCT_FILTERS = ['criteriaSetNumber', 'communeCode', 'status', 'star'] as const;

export function ProductFilters({ list }: { list: ListParams<(typeof PRODUCT_FILTERS)[number]> }) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" mb="md">
      <SearchInput label={t('products.searchLabel')} placeholder={t('products.searchPlaceholder')} value={list.q} onSearch={list.setQuery} />
      <CriteriaSetSelect
        value={list.filters.criteriaSetNumber}
        onChange={(value) => list.setFilter('criteriaSetNumber', value)}
        placeholder={t('common.all')}
        clearable
      />
      <CommuneSelect value={list.filters.communeCode} onChange={(value) => list.setFilter('communeCode', value)} placeholder={t('common.all')} clearable />
      <Select
        label={t('products.fields.status')}
        placeholder={t('common.all')}
        data={labels.statusOptions}
        value={list.filters.status}
        onChange={(value) => list.setFilter('status', value)}
        clearable
      />
      <Select
        label={t('products.fields.ocop')}
        placeholder={t('common.all')}
        data={[5, 4, 3].map((star) => ({ value: String(star), label: `${'★'.repeat(star)} ${t('products.stars', { count: star })}` }))}
        value={list.filters.star}
        onChange={(value) => list.setFilter('star', value)}
        clearable
      />
      {list.hasFilters && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={list.clear} style={{ justifySelf: 'start' }}>
          {t('common.clearFilters')}
        </Button>
      )}
    </SimpleGrid>
  );
}
