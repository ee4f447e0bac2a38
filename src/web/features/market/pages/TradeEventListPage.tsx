import { Button, EmptyState, Select, SimpleGrid } from '@mantine/core';
import { IconFilterOff, IconPlus, IconTent } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { TRADE_EVENT_PAGE_SIZE, useTradeEvents } from '../api/trade-events.js';
import { isPlacement, isTradeEventKind, useMarketLabels } from '../components/labels.js';
import { TradeEventCards, TradeEventTable } from '../components/TradeEventResults.js';

const FILTERS = ['year', 'kind', 'placement'] as const;
const FIRST_YEAR = 2018;

const yearOf = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
};

/** Fairs, exhibitions and trade weeks the province's producers took part in, by year. */
export function TradeEventListPage() {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const isPhone = useIsPhone();
  const access = useActivityAccess();
  const list = useListParams(FILTERS);
  const { year, kind, placement } = list.filters;
  const filters = { q: list.q, year: yearOf(year), kind: isTradeEventKind(kind) ? kind : null, placement: isPlacement(placement) ? placement : null };
  const events = useTradeEvents({ ...filters, page: list.page });
  const years = useMemo(() => {
    const next = new Date().getFullYear() + 1;
    return Array.from({ length: next - FIRST_YEAR + 1 }, (_, i) => String(next - i));
  }, []);

  return (
    <>
      <PageHeader
        title={t('market.tradeEvents.title')}
        description={t('market.tradeEvents.intro')}
        actions={
          <>
            <ExportMenu path="/trade-events" filters={filters} />
            {access.canCreate && (
              <Button component={Link} to="/market/trade-events/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('market.tradeEvents.new')}
              </Button>
            )}
          </>
        }
      />
      <SectionCard>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <SearchInput label={t('market.tradeEvents.search')} placeholder={t('market.tradeEvents.searchPlaceholder')} value={list.q} onSearch={list.setQuery} />
          <Select
            label={t('market.tradeEvents.year')}
            placeholder={t('common.all')}
            data={years}
            value={filters.year === null ? null : String(filters.year)}
            onChange={(value) => list.setFilter('year', value)}
            clearable
          />
          <Select
            label={t('market.tradeEvents.fields.kind')}
            placeholder={t('common.all')}
            data={labels.eventKindOptions}
            value={filters.kind}
            onChange={(value) => list.setFilter('kind', value)}
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
          {list.hasFilters && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={list.clear} style={{ justifySelf: 'start' }}>
              {t('common.clearFilters')}
            </Button>
          )}
        </SimpleGrid>
        <QueryView
          query={events}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState icon={<IconTent aria-hidden />} title={list.hasFilters ? t('market.tradeEvents.noMatch') : t('market.tradeEvents.empty')} py="xl" />
          }
        >
          {(data) => (
            <div style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <TradeEventCards events={data.items} /> : <TradeEventTable events={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={TRADE_EVENT_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
