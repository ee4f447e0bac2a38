import { Button, EmptyState, Select, SimpleGrid } from '@mantine/core';
import { IconBuildingStore, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommuneSelect } from '../../../components/CommuneSelect.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { SALES_POINT_PAGE_SIZE, useSalesPoints } from '../api/sales-points.js';
import { isPlacement, isSalesPointKind, isSalesPointStatus, useMarketLabels } from '../components/labels.js';
import { SalesPointCards, SalesPointTable } from '../components/SalesPointResults.js';

const FILTERS = ['kind', 'status', 'placement', 'communeCode'] as const;

/** The province's OCOP sales points, filtered in the URL, with their checklist and products at a glance. */
export function SalesPointListPage() {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const isPhone = useIsPhone();
  const access = useActivityAccess();
  const list = useListParams(FILTERS);
  const { kind, status, placement, communeCode } = list.filters;
  const filters = {
    q: list.q,
    kind: isSalesPointKind(kind) ? kind : null,
    status: isSalesPointStatus(status) ? status : null,
    placement: isPlacement(placement) ? placement : null,
    communeCode,
  };
  const points = useSalesPoints({ ...filters, page: list.page });

  return (
    <>
      <PageHeader
        title={t('market.salesPoints.title')}
        description={t('market.salesPoints.intro')}
        actions={
          <>
            <ExportMenu path="/sales-points" filters={filters} />
            {access.canCreate && (
              <Button component={Link} to="/market/sales-points/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('market.salesPoints.new')}
              </Button>
            )}
          </>
        }
      />
      <SectionCard>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" mb="md">
          <SearchInput label={t('market.salesPoints.search')} placeholder={t('market.salesPoints.searchPlaceholder')} value={list.q} onSearch={list.setQuery} />
          <Select
            label={t('market.salesPoints.fields.kind')}
            placeholder={t('common.all')}
            data={labels.kindOptions}
            value={filters.kind}
            onChange={(value) => list.setFilter('kind', value)}
            clearable
          />
          <Select
            label={t('market.salesPoints.fields.status')}
            placeholder={t('common.all')}
            data={labels.statusOptions}
            value={filters.status}
            onChange={(value) => list.setFilter('status', value)}
            clearable
          />
          <Select
            label={t('market.placement.label')}
            placeholder={t('common.all')}
            data={labels.placementOptions}
            value={filters.placement}
            onChange={(value) => list.setFilter('placement', value)}
            clearable
          />
          <CommuneSelect value={communeCode} onChange={(value) => list.setFilter('communeCode', value)} placeholder={t('common.all')} clearable />
          {list.hasFilters && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={list.clear} style={{ justifySelf: 'start' }}>
              {t('common.clearFilters')}
            </Button>
          )}
        </SimpleGrid>
        <QueryView
          query={points}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState
              icon={<IconBuildingStore aria-hidden />}
              title={list.hasFilters ? t('market.salesPoints.noMatch') : t('market.salesPoints.empty')}
              py="xl"
            />
          }
        >
          {(data) => (
            <div style={{ opacity: points.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <SalesPointCards points={data.items} /> : <SalesPointTable points={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={SALES_POINT_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
