import { Button, Select, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/SearchInput.js';
import type { ListParams } from '../../../lib/list-params.js';
import { useRounds } from '../api/dossiers.js';
import { useDossierLabels } from './labels.js';

export const DOSSIER_FILTERS = ['state', 'kind', 'roundId'] as const;

export function DossierFilters({ list }: { list: ListParams<(typeof DOSSIER_FILTERS)[number]> }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const rounds = useRounds();
  const roundOptions = (rounds.data ?? []).map((round) => ({ value: round.id, label: round.name }));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
      <SearchInput label={t('dossierWork.list.searchLabel')} placeholder={t('dossierWork.list.searchPlaceholder')} value={list.q} onSearch={list.setQuery} />
      <Select
        label={t('dossiers.fields.state')}
        placeholder={t('common.all')}
        data={labels.stateOptions}
        value={list.filters.state}
        onChange={(value) => list.setFilter('state', value)}
        clearable
      />
      <Select
        label={t('dossiers.fields.kind')}
        placeholder={t('common.all')}
        data={labels.kindOptions}
        value={list.filters.kind}
        onChange={(value) => list.setFilter('kind', value)}
        clearable
      />
      <Select
        label={t('dossiers.fields.round')}
        placeholder={t('common.all')}
        data={roundOptions}
        value={list.filters.roundId}
        onChange={(value) => list.setFilter('roundId', value)}
        clearable
      />
      {list.hasFilters && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={list.clear} style={{ justifySelf: 'start', alignSelf: 'end' }}>
          {t('common.clearFilters')}
        </Button>
      )}
    </SimpleGrid>
  );
}
