import { Anchor, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconCheck, IconPlus, IconShoppingCartPlus, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAnswerConsent, canEditProductMarket, canProposeListing, canReviewListing, isProducer } from '../../../../domain/policies/index.js';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatNumber } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { useDeleteEcommerceListing, useEcommerceListings, type EcommerceListing } from '../api/listings.js';
import { useAnswerConsent, useProductSalesPoints, type ProductSalesPoint } from '../api/sales-points.js';
import { useWhereToBuy } from '../api/where-to-buy.js';
import { ListingLink, ListingStatusBadge } from './EcommerceListings.js';
import { CONSENT_COLOR, useMarketLabels } from './labels.js';
import { DistributionListingForm, EcommerceListingForm } from './ListingForms.js';
import { ReviewDialog, type Review } from './ReviewDialog.js';

/** The product as this section needs it: its name, and its producer's place for the access policies. */
export type WhereToBuyProduct = { id: string; name: string; subjectId: string; provinceCode: string; communeCode: string | null };

/** A product's listings on the page: every one (its producer's proposals too), far more than a product ever has. */
const PRODUCT_LISTINGS = 100;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} fz="sm" fw={600}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const None = ({ children }: { children: string }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

/** The producer's answer to a point that asks to carry the product: consent, or decline (asked to confirm). */
function ConsentButtons({ productId, point }: { productId: string; point: ProductSalesPoint }) {
  const { t } = useTranslation();
  const answer = useAnswerConsent();
  const [declining, setDeclining] = useState(false);
  // Awaited rather than per-call callbacks: the answered point leaves the list (and these buttons) before they would run.
  const send = async (consent: 'given' | 'refused') => {
    try {
      await answer.mutateAsync({ salesPointId: point.salesPointId, productId, consent });
    } catch (error) {
      reportMutationError(error);
      throw error;
    }
    notifySuccess(consent === 'given' ? t('market.consent.given') : t('market.consent.refused'));
  };
  return (
    <Group gap="xs">
      <Button
        size="compact-sm"
        color="teal"
        leftSection={<IconCheck size={14} aria-hidden />}
        loading={answer.isPending}
        onClick={() => void send('given').catch(() => undefined)}
      >
        {t('market.consent.consent')}
      </Button>
      <Button size="compact-sm" color="red" variant="light" leftSection={<IconX size={14} aria-hidden />} onClick={() => setDeclining(true)}>
        {t('market.consent.decline')}
      </Button>
      <ConfirmDeleteDialog
        opened={declining}
        title={t('market.consent.declineTitle')}
        body={t('market.consent.declineBody', { point: point.name })}
        confirmLabel={t('market.consent.decline')}
        onClose={() => setDeclining(false)}
        onConfirm={() => send('refused')}
      />
    </Group>
  );
}

/**
 * Sales points that asked to carry the product and wait for its producer: the producer consents or
 * declines here; the office and the commune's officer see them and record a signed paper on the
 * point's page.
 */
function AwaitingConsent({ product, canAnswer }: { product: WhereToBuyProduct; canAnswer: boolean }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const points = useProductSalesPoints(product.id);
  const waiting = (points.data?.items ?? []).filter((point) => point.consent !== 'given');
  if (points.isError) return <QueryError error={points.error} onRetry={() => void points.refetch()} />;
  if (waiting.length === 0) return null;
  return (
    <Part title={t('market.whereToBuy.awaiting')}>
      <Stack gap="sm" data-testid="awaiting-consent">
        {waiting.map((point) => (
          <Group key={point.salesPointId} justify="space-between" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
              {canAnswer ? (
                <Text size="sm" fw={500}>
                  {point.name}
                </Text>
              ) : (
                <Anchor component={Link} to={`/market/sales-points/${point.salesPointId}`} size="sm" fw={500}>
                  {point.name}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">
                {[labels.kind(point.kind), point.address, point.communeName ?? point.otherProvinceName].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            {canAnswer && point.consent === 'pending' ? (
              <ConsentButtons productId={product.id} point={point} />
            ) : (
              <Badge color={CONSENT_COLOR[point.consent]} variant="light">
                {labels.consent(point.consent)}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Part>
  );
}

/** The product's e-commerce listings with their status: proposals wait as "Chờ duyệt", reviewers approve or reject. */
function OnlineListings({ product, canReview, ownProposals }: { product: WhereToBuyProduct; canReview: boolean; ownProposals: boolean }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const withdraw = useDeleteEcommerceListing();
  const [editing, setEditing] = useState<EcommerceListing | null>(null);
  const [withdrawing, setWithdrawing] = useState<EcommerceListing | null>(null);
  const listings = useEcommerceListings(
    { q: '', page: 1, platform: null, status: null, productId: product.id, communeCode: null },
    { pageSize: PRODUCT_LISTINGS },
  );
  const [review, setReview] = useState<Review | null>(null);
  if (listings.isError) return <QueryError error={listings.error} onRetry={() => void listings.refetch()} />;
  const items = listings.data?.items ?? [];
  return (
    <Part title={t('market.whereToBuy.online')}>
      {items.length === 0 ? (
        <None>{listings.isPending ? t('common.loading') : t('market.whereToBuy.noOnline')}</None>
      ) : (
        <Stack gap="sm" data-testid="product-listings">
          {items.map((listing) => (
            <Group key={listing.id} justify="space-between" align="flex-start" gap="xs" data-testid="product-listing">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                <Text size="sm" fw={500}>
                  {labels.platform(listing.platform)}
                  {!listing.active && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('market.listings.activeNo')})
                    </Text>
                  )}
                </Text>
                <ListingLink url={listing.url} />
              </Stack>
              <Group gap="xs" align="flex-start">
                <ListingStatusBadge listing={listing} />
                {ownProposals && listing.status === 'proposed' && (
                  <>
                    <Button size="compact-xs" variant="light" onClick={() => setEditing(listing)}>
                      {t('common.edit')}
                    </Button>
                    <Button size="compact-xs" variant="light" color="red" onClick={() => setWithdrawing(listing)}>
                      {t('market.whereToBuy.withdraw')}
                    </Button>
                  </>
                )}
                {canReview && listing.status === 'proposed' && (
                  <>
                    <Button size="compact-xs" color="teal" onClick={() => setReview({ listing, decision: 'approved' })}>
                      {t('market.listings.review.approve')}
                    </Button>
                    <Button size="compact-xs" color="red" variant="light" onClick={() => setReview({ listing, decision: 'rejected' })}>
                      {t('market.listings.review.reject')}
                    </Button>
                  </>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <ReviewDialog review={review} onClose={() => setReview(null)} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('market.listings.editTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && <EcommerceListingForm listing={editing} proposal onClose={() => setEditing(null)} />}
      </Modal>
      <ConfirmDeleteDialog
        opened={withdrawing !== null}
        title={t('market.whereToBuy.withdrawTitle')}
        body={withdrawing ? t('market.whereToBuy.withdrawBody', { url: withdrawing.url }) : ''}
        confirmLabel={t('market.whereToBuy.withdraw')}
        onClose={() => setWithdrawing(null)}
        onConfirm={() =>
          withdrawing
            ? withdraw.mutateAsync(withdrawing.id, {
                onSuccess: () => notifySuccess(t('market.whereToBuy.withdrawn')),
                onError: (error) => reportMutationError(error),
              })
            : Promise.resolve()
        }
      />
    </Part>
  );
}

/**
 * "Nơi bán" on a product's page: the sales points that carry it with its producer's consent, the
 * chains, the e-commerce listings; for its producer, a proposal form and the points awaiting its
 * answer; for the office and the commune's officer, shortcuts to record a listing.
 */
export function WhereToBuySection({ product }: { product: WhereToBuyProduct }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const actor = useActor();
  const whereToBuy = useWhereToBuy(product.id);
  const [dialog, setDialog] = useState<'propose' | 'ecommerce' | 'chain' | null>(null);
  const subject = { id: product.subjectId, provinceCode: product.provinceCode, communeCode: product.communeCode };
  const keepsMarket = canEditProductMarket(actor, subject);
  const proposes = canProposeListing(actor, subject);
  const fixed = { id: product.id, name: product.name };
  const close = () => setDialog(null);

  return (
    <SectionCard
      title={t('market.whereToBuy.title')}
      data-testid="where-to-buy"
      action={
        <Group gap="xs">
          {proposes && (
            <Button size="compact-sm" variant="light" leftSection={<IconShoppingCartPlus size={14} aria-hidden />} onClick={() => setDialog('propose')}>
              {t('market.whereToBuy.propose')}
            </Button>
          )}
          {keepsMarket && (
            <>
              <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog('ecommerce')}>
                {t('market.listings.add')}
              </Button>
              <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog('chain')}>
                {t('market.listings.addChain')}
              </Button>
            </>
          )}
        </Group>
      }
    >
      <Stack gap="lg">
        {whereToBuy.isError ? (
          <QueryError error={whereToBuy.error} onRetry={() => void whereToBuy.refetch()} />
        ) : (
          <>
            <Part title={t('market.whereToBuy.salesPoints')}>
              {!whereToBuy.data || whereToBuy.data.salesPoints.length === 0 ? (
                <None>{whereToBuy.isPending ? t('common.loading') : t('market.whereToBuy.noSalesPoints')}</None>
              ) : (
                <List spacing={6} size="sm" icon={<IconBuildingStore size={16} aria-hidden />} center data-testid="where-to-buy-points">
                  {whereToBuy.data.salesPoints.map((point) => (
                    <List.Item key={point.id}>
                      {keepsMarket ? (
                        <Anchor component={Link} to={`/market/sales-points/${point.id}`} size="sm" fw={500}>
                          {point.name}
                        </Anchor>
                      ) : (
                        <Text span size="sm" fw={500}>
                          {point.name}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {[labels.kind(point.kind), point.address, point.communeName].filter(Boolean).join(' · ')}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Part>
            <Part title={t('market.whereToBuy.chains')}>
              {!whereToBuy.data || whereToBuy.data.chains.length === 0 ? (
                <None>{whereToBuy.isPending ? t('common.loading') : t('market.whereToBuy.noChains')}</None>
              ) : (
                <List spacing={4} size="sm">
                  {whereToBuy.data.chains.map((chain) => (
                    <List.Item key={`${chain.chain}-${chain.channel}`}>
                      {chain.chain} · {labels.channel(chain.channel)}
                      {chain.stores !== null && ` · ${t('market.whereToBuy.stores', { count: formatNumber(chain.stores) })}`}
                    </List.Item>
                  ))}
                </List>
              )}
            </Part>
          </>
        )}
        {/* A producer changes or withdraws its own proposal until it is reviewed (the listings service's rule). */}
        <OnlineListings product={product} canReview={canReviewListing(actor, subject)} ownProposals={proposes} />
        <AwaitingConsent product={product} canAnswer={isProducer(actor) && canAnswerConsent(actor, subject)} />
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog === 'propose' ? t('market.whereToBuy.propose') : dialog === 'chain' ? t('market.listings.addChainTitle') : t('market.listings.addTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog === 'propose' && <EcommerceListingForm product={fixed} proposal onClose={close} />}
        {dialog === 'ecommerce' && <EcommerceListingForm product={fixed} onClose={close} />}
        {dialog === 'chain' && <DistributionListingForm product={fixed} onClose={close} />}
      </Modal>
    </SectionCard>
  );
}
