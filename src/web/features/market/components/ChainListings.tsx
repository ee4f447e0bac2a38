import { ActionIcon, Anchor, Button, Card, EmptyState, Group, Menu, Modal, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconBuildingWarehouse, IconDots, IconFilterOff, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommuneSelect } from '../../../components/CommuneSelect.js';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import type { ListParams } from '../../../lib/list-params.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { LISTING_PAGE_SIZE, useDeleteDistributionListing, useDistributionListings, type DistributionListing } from '../api/listings.js';
import { isChannel, useMarketLabels } from './labels.js';
import { DistributionListingForm } from './ListingForms.js';

export const CHAIN_FILTERS = ['channel', 'communeCode'] as const;

type RowHandlers = { onEdit: (listing: DistributionListing) => void; onDelete: (listing: DistributionListing) => void };

function RowActions({ listing, onEdit, onDelete }: { listing: DistributionListing } & RowHandlers) {
  const { t } = useTranslation();
  const access = useActivityAccess();
  if (!access.canEditListing(listing)) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('market.listings.actionsFor', { name: `${listing.chain} · ${listing.productName}` })}>
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(listing)}>
          {t('common.edit')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onDelete(listing)}>
          {t('common.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function ChainTable({ listings, ...handlers }: { listings: readonly DistributionListing[] } & RowHandlers) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="chain-listings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('market.listings.fields.chain')}</Table.Th>
            <Table.Th>{t('market.listings.fields.channel')}</Table.Th>
            <Table.Th>{t('market.products.product')}</Table.Th>
            <Table.Th ta="right">{t('market.listings.fields.stores')}</Table.Th>
            <Table.Th>{t('market.listings.fields.since')}</Table.Th>
            <Table.Th>{t('market.listings.fields.active')}</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listings.map((listing) => (
            <Table.Tr key={listing.id}>
              <Table.Td fw={500}>{listing.chain}</Table.Td>
              <Table.Td>{labels.channel(listing.channel)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/products/${listing.productId}`} size="sm">
                  {listing.productName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {listing.subjectName}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(listing.stores)}</Table.Td>
              <Table.Td>{formatDate(listing.since)}</Table.Td>
              <Table.Td>{listing.active ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                <RowActions listing={listing} {...handlers} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ChainCards({ listings, ...handlers }: { listings: readonly DistributionListing[] } & RowHandlers) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  return (
    <Stack gap="sm">
      {listings.map((listing) => (
        <Card key={listing.id} withBorder padding="sm" component="article">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600}>
                {listing.chain} · {labels.channel(listing.channel)}
              </Text>
              <Anchor component={Link} to={`/products/${listing.productId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {listing.productName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {listing.subjectName}
              </Text>
              <Text size="xs" c="dimmed">
                {t('market.listings.storesSince', { stores: formatNumber(listing.stores), since: formatDate(listing.since) })} ·{' '}
                {listing.active ? t('market.listings.activeYes') : t('market.listings.activeNo')}
              </Text>
            </Stack>
            <RowActions listing={listing} {...handlers} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** The province's products on supermarket and chain shelves: filters, add, edit and delete. */
export function ChainListings({ list }: { list: ListParams<(typeof CHAIN_FILTERS)[number]> }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const isPhone = useIsPhone();
  const access = useActivityAccess();
  const remove = useDeleteDistributionListing();
  const { channel, communeCode } = list.filters;
  const filters = { q: list.q, channel: isChannel(channel) ? channel : null, productId: null, communeCode };
  const listings = useDistributionListings({ ...filters, page: list.page });
  const [editing, setEditing] = useState<DistributionListing | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DistributionListing | null>(null);
  const handlers = { onEdit: setEditing, onDelete: setDeleting };

  return (
    <Stack>
      <Group justify="flex-end" gap="xs">
        <ExportMenu path="/listings/distribution" filters={filters} />
        {access.canCreate && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('market.listings.addChain')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <SearchInput
          label={t('market.listings.searchChains')}
          placeholder={t('market.listings.searchChainsPlaceholder')}
          value={list.q}
          onSearch={list.setQuery}
        />
        <Select
          label={t('market.listings.fields.channel')}
          placeholder={t('common.all')}
          data={labels.channelOptions}
          value={filters.channel}
          onChange={(value) => list.setFilter('channel', value)}
          clearable
        />
        <CommuneSelect value={communeCode} onChange={(value) => list.setFilter('communeCode', value)} placeholder={t('common.all')} clearable />
        {list.hasFilters && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={list.clear}
            style={{ justifySelf: 'start', alignSelf: 'end' }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </SimpleGrid>
      <QueryView
        query={listings}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState icon={<IconBuildingWarehouse aria-hidden />} title={t('market.listings.chainsEmpty')} py="xl" />}
      >
        {(data) => (
          <div style={{ opacity: listings.isPlaceholderData ? 0.6 : 1 }}>
            {isPhone ? <ChainCards listings={data.items} {...handlers} /> : <ChainTable listings={data.items} {...handlers} />}
            <ListFooter total={data.total} page={list.page} pageSize={LISTING_PAGE_SIZE} onPageChange={list.setPage} />
          </div>
        )}
      </QueryView>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('market.listings.addChainTitle') : t('market.listings.editChainTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && <DistributionListingForm listing={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      </Modal>
      <ConfirmDeleteDialog
        opened={deleting !== null}
        title={t('market.listings.deleteChainTitle')}
        body={deleting ? t('market.listings.deleteChainBody', { chain: deleting.chain, name: deleting.productName }) : ''}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting
            ? remove.mutateAsync(deleting.id, { onSuccess: () => notifySuccess(t('market.listings.deleted')), onError: (error) => reportMutationError(error) })
            : Promise.resolve()
        }
      />
    </Stack>
  );
}
