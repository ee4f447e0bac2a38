import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useListParams } from '../../../lib/list-params.js';
import { CHAIN_FILTERS, ChainListings } from '../components/ChainListings.js';
import { ECOMMERCE_FILTERS, EcommerceListings } from '../components/EcommerceListings.js';

const VIEWS = [
  { path: '/market/listings', labelKey: 'market.listings.ecommerceTitle' },
  { path: '/market/listings/chains', labelKey: 'market.listings.chainsTitle' },
] as const;

/** E-commerce and chain listings: two lists of one section, each at its own address with its own filters. */
function ListingsNav({ current }: { current: (typeof VIEWS)[number]['path'] }) {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t('market.listings.views')} gap="xs" mb="md">
      {VIEWS.map((view) => (
        <Button
          key={view.path}
          component={Link}
          to={view.path}
          size="compact-md"
          radius="xl"
          variant={view.path === current ? 'filled' : 'default'}
          aria-current={view.path === current ? 'page' : undefined}
        >
          {t(view.labelKey)}
        </Button>
      ))}
    </Group>
  );
}

export function EcommerceListingsPage() {
  const { t } = useTranslation();
  const list = useListParams(ECOMMERCE_FILTERS);
  return (
    <>
      <PageHeader title={t('market.listings.title')} description={t('market.listings.intro')} />
      <ListingsNav current="/market/listings" />
      <SectionCard>
        <EcommerceListings list={list} />
      </SectionCard>
    </>
  );
}

export function ChainListingsPage() {
  const { t } = useTranslation();
  const list = useListParams(CHAIN_FILTERS);
  return (
    <>
      <PageHeader title={t('market.listings.title')} description={t('market.listings.intro')} />
      <ListingsNav current="/market/listings/chains" />
      <SectionCard>
        <ChainListings list={list} />
      </SectionCard>
    </>
  );
}
