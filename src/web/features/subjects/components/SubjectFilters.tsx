import { Button, Checkbox, Select, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CommuneSelect } from '../../../components/CommuneSelect.js';
import { SearchInput } from '../../../components/SearchInput.js';
import type { ListParams } from '../../../lib/list-params.js';
import { useSubjectLabels } from './labels.js';

export const SUBJECT_FILTERS = ['legalForm', 'communeCode', 'status', 'communeUnknown'] as const;
type SubjectListState = ListParams<(typeof SUBJECT_FILTERS)[number]>;

/** `placesProducers`: the office, which alone sees (and places) producers whose commune is unknown. */
export function SubjectFilters({ list, placesProducers }: { list: SubjectListState; placesProducers: boolean }) {
  const { t } = useTranslation();
  const labels = useSubjectLabels();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
      <SearchInput label={t('subjects.searchLabel')} placeholder={t('subjects.searchPlaceholder')} value={list.q} onSearch={list.setQuery} />
      <Select
        label={t('subjects.fields.legalForm')}
        placeholder={t('common.all')}
        data={labels.legalFormOptions}
        value={list.filters.legalForm}
        onChange={(value) => list.setFilter('legalForm', value)}
        clearable
      />
      <CommuneSelect value={list.filters.communeCode} onChange={(value) => list.setFilter('communeCode', value)} placeholder={t('common.all')} clearable />
      <Select
        label={t('subjects.fields.status')}
        placeholder={t('common.all')}
        data={labels.statusOptions}
        value={list.filters.status}
        onChange={(value) => list.setFilter('status', value)}
        clearable
      />
      {placesProducers && (
        <Checkbox
          label={t('subjects.communeUnknownFilter')}
          checked={list.filters.communeUnknown === 'true'}
          onChange={(event) => list.setFilter('communeUnknown', event.currentTarget.checked ? 'true' : null)}
          style={{ alignSelf: 'end' }}
          mb={8}
        />
      )}
      {list.hasFilters && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={list.clear} style={{ justifySelf: 'start' }}>
          {t('common.clearFilters')}
        </Button>
      )}
    </SimpleGrid>
  );
}
