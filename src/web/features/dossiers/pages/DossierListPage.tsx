import { EmptyState } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { DOSSIER_PAGE_SIZE, useDossiers } from '../api/dossiers.js';
import { DOSSIER_FILTERS, DossierFilters } from '../components/DossierFilters.js';
import { DossierCards, DossierTable } from '../components/DossierResults.js';
import { isDossierKind, isDossierState } from '../components/labels.js';

export function DossierListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const list = useListParams(DOSSIER_FILTERS);
  const { state, kind, roundId } = list.filters;
  const filters = { q: list.q || null, state: isDossierState(state) ? state : null, kind: isDossierKind(kind) ? kind : null, roundId };
  const dossiers = useDossiers({ ...filters, page: list.page });

  return (
    <>
      <PageHeader title={t('dossiers.title')} description={t('dossiers.intro')} actions={<ExportMenu path="/dossiers" filters={filters} />} />
      <SectionCard>
        <DossierFilters list={list} />
        <QueryView
          query={dossiers}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconFolders aria-hidden />} title={t('dossiers.empty')} description={t('dossiers.emptyHint')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: dossiers.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <DossierCards dossiers={data.items} /> : <DossierTable dossiers={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={DOSSIER_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
