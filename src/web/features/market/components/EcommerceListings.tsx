import { ActionIcon, Anchor, Badge, Button, Card, EmptyState, Group, Menu, Modal, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconDots, IconExternalLink, IconFilterOff, IconPencil, IconPlus, IconShoppingCart, IconTrash, IconX } from '@tabler/icons-react';
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
import { formatDate } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import type { ListParams } from '../../../lib/list-params.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { LISTING_PAGE_SIZE, useDeleteEcommerceListing, useEcommerceListings, type EcommerceListing } from '../api/listings.js';
import { isEcommercePlatform, isListingStatus, LISTING_STATUS_COLOR, useMarketLabels } from './labels.js';
import { EcommerceListingForm } from './ListingForms.js';
import { ReviewDialog, type Review } from './ReviewDialog.js';

export const ECOMMERCE_FILTERS = ['platform', 'status', 'communeCode'] as const;
type Filters = ListParams<(typeof ECOMMERCE_FILTERS)[number]>;

export function ListingStatusBadge({ listing }: { listing: Pick<EcommerceListing, 'status' | 'reviewNote'> }) {
  const labels = useMarketLabels();
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={LISTING_STATUS_COLOR[listing.status]} variant="light">
        {labels.listingStatus(listing.status)}
      </Badge>
      {listing.reviewNote && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {listing.reviewNote}
        </Text>
      )}
    </Stack>
  );
}

/** The page's address, opened in a new tab; long addresses wrap. */
export function ListingLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" size="sm" style={{ overflowWrap: 'anywhere' }}>
      {url.replace(/^https?:\/\//, '')}
      <IconExternalLink size={12} aria-label={t('market.listings.opensNewTab')} style={{ marginLeft: 4, verticalAlign: 'middle' }} />
    </Anchor>
  );
}

type RowHandlers = { onEdit: (listing: EcommerceListing) => void; onDelete: (listing: EcommerceListing) => void; onReview: (review: Review) => void };

/** Approve and reject for a proposal its reviewer sees; edit and delete for those who keep the product's market records. */
function RowActions({ listing, onEdit, onDelete, onReview }: { listing: EcommerceListing } & RowHandlers) {
  const { t } = useTranslation();
  const access = useActivityAccess();
  const canReview = listing.status === 'proposed' && access.canReview(listing);
  const canEdit = access.canEditListing(listing);
  if (!canReview && !canEdit) return null;
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {canReview && (
        <>
          <Button size="compact-xs" color="teal" leftSection={<IconCheck size={12} aria-hidden />} onClick={() => onReview({ listing, decision: 'approved' })}>
            {t('market.listings.review.approve')}
          </Button>
          <Button
            size="compact-xs"
            color="red"
            variant="light"
            leftSection={<IconX size={12} aria-hidden />}
            onClick={() => onReview({ listing, decision: 'rejected' })}
          >
            {t('market.listings.review.reject')}
          </Button>
        </>
      )}
      {canEdit && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('market.listings.actionsFor', { name: listing.productName })}>
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
      )}
    </Group>
  );
}

function EcommerceTable({ listings, ...handlers }: { listings: readonly EcommerceListing[] } & RowHandlers) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table data-testid="ecommerce-listings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('market.listings.fields.platform')}</Table.Th>
            <Table.Th>{t('market.products.product')}</Table.Th>
            <Table.Th>{t('market.listings.fields.url')}</Table.Th>
            <Table.Th>{t('market.listings.fields.status')}</Table.Th>
            <Table.Th>{t('market.listings.fields.active')}</Table.Th>
            <Table.Th>{t('market.listings.fields.lastCheckedOn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listings.map((listing) => (
            <Table.Tr key={listing.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.platform(listing.platform)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/products/${listing.productId}`} size="sm" fw={500}>
                  {listing.productName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {listing.subjectName}
                </Text>
              </Table.Td>
              <Table.Td maw={280}>
                <ListingLink url={listing.url} />
              </Table.Td>
              <Table.Td>
                <ListingStatusBadge listing={listing} />
              </Table.Td>
              <Table.Td>{listing.active ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>{formatDate(listing.lastCheckedOn)}</Table.Td>
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

function EcommerceCards({ listings, ...handlers }: { listings: readonly EcommerceListing[] } & RowHandlers) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  return (
    <Stack gap="sm">
      {listings.map((listing) => (
        <Card key={listing.id} withBorder padding="sm" component="article">
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/products/${listing.productId}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {listing.productName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {listing.subjectName} · {labels.platform(listing.platform)}
                </Text>
              </Stack>
              <ListingStatusBadge listing={{ ...listing, reviewNote: null }} />
            </Group>
            <ListingLink url={listing.url} />
            {listing.reviewNote && (
              <Text size="xs" c="dimmed">
                {listing.reviewNote}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {listing.active ? t('market.listings.activeYes') : t('market.listings.activeNo')} · {t('market.listings.fields.lastCheckedOn')}:{' '}
              {formatDate(listing.lastCheckedOn)}
            </Text>
            <RowActions listing={listing} {...handlers} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** The province's e-commerce listings: filters (a proposal waits as "Chờ duyệt"), review, add, edit and delete. */
export function EcommerceListings({ list }: { list: Filters }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const isPhone = useIsPhone();
  const access = useActivityAccess();
  const remove = useDeleteEcommerceListing();
  const { platform, status, communeCode } = list.filters;
  const filters = {
    q: list.q,
    platform: isEcommercePlatform(platform) ? platform : null,
    status: isListingStatus(status) ? status : null,
    productId: null,
    communeCode,
  };
  const listings = useEcommerceListings({ ...filters, page: list.page });
  const [editing, setEditing] = useState<EcommerceListing | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EcommerceListing | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const handlers = { onEdit: setEditing, onDelete: setDeleting, onReview: setReview };

  return (
    <Stack>
      <Group justify="flex-end" gap="xs">
        <ExportMenu path="/listings/ecommerce" filters={filters} />
        {access.canCreate && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('market.listings.add')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <SearchInput label={t('market.listings.search')} placeholder={t('market.listings.searchPlaceholder')} value={list.q} onSearch={list.setQuery} />
        <Select
          label={t('market.listings.fields.status')}
          placeholder={t('common.all')}
          data={labels.listingStatusOptions}
          value={filters.status}
          onChange={(value) => list.setFilter('status', value)}
          clearable
        />
        <Select
          label={t('market.listings.fields.platform')}
          placeholder={t('common.all')}
          data={labels.platformOptions}
          value={filters.platform}
          onChange={(value) => list.setFilter('platform', value)}
          clearable
        />
        <CommuneSelect value={communeCode} onChange={(value) => list.setFilter('communeCode', value)} placeholder={t('common.all')} clearable />
      </SimpleGrid>
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant={filters.status === 'proposed' ? 'filled' : 'light'}
          color="yellow"
          onClick={() => list.setFilter('status', filters.status === 'proposed' ? null : 'proposed')}
          aria-pressed={filters.status === 'proposed'}
        >
          {labels.listingStatus('proposed')}
        </Button>
        {list.hasFilters && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={list.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      <QueryView
        query={listings}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState icon={<IconShoppingCart aria-hidden />} title={t('market.listings.empty')} py="xl" />}
      >
        {(data) => (
          <div style={{ opacity: listings.isPlaceholderData ? 0.6 : 1 }}>
            {isPhone ? <EcommerceCards listings={data.items} {...handlers} /> : <EcommerceTable listings={data.items} {...handlers} />}
            <ListFooter total={data.total} page={list.page} pageSize={LISTING_PAGE_SIZE} onPageChange={list.setPage} />
          </div>
        )}
      </QueryView>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('market.listings.addTitle') : t('market.listings.editTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && <EcommerceListingForm listing={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      </Modal>
      <ReviewDialog review={review} onClose={() => setReview(null)} />
      <ConfirmDeleteDialog
        opened={deleting !== null}
        title={t('market.listings.deleteTitle')}
        body={deleting ? t('market.listings.deleteBody', { name: deleting.productName, url: deleting.url }) : ''}
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
