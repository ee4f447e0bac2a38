import { Anchor, Button, Card, Grid, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatDateTime, formatNumber, formatVnd, orDash } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useDeleteTradeEvent, useTradeEvent, type TradeEvent } from '../api/trade-events.js';
import { EventPhotos } from '../components/EventPhotos.js';
import { useMarketLabels } from '../components/labels.js';
import { usePlaceText } from '../components/SalesPointResults.js';
import { periodText } from '../components/TradeEventResults.js';

const LIST = '/market/trade-events';

function Participants({ event }: { event: TradeEvent }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const products = (p: TradeEvent['participants'][number]) => p.products.map((product) => product.productName).join(', ') || '—';
  return (
    <SectionCard title={t('market.tradeEvents.sections.participants')}>
      <Stack>
        {event.participants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('market.tradeEvents.participants.none')}
          </Text>
        ) : isPhone ? (
          <Stack gap="sm">
            {event.participants.map((p) => (
              <Card key={p.subjectId} withBorder padding="sm" component="article">
                <Anchor component={Link} to={`/subjects/${p.subjectId}`} fw={600}>
                  {p.subjectName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {products(p)}
                </Text>
                <Text size="xs">
                  {t('market.tradeEvents.fields.booths')}: {formatNumber(p.booths)} · {t('market.tradeEvents.fields.revenueVnd')}: {formatVnd(p.revenueVnd)}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="event-participants">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('market.tradeEvents.participants.producer')}</Table.Th>
                  <Table.Th>{t('market.tradeEvents.participants.products')}</Table.Th>
                  <Table.Th ta="right">{t('market.tradeEvents.fields.booths')}</Table.Th>
                  <Table.Th ta="right">{t('market.tradeEvents.fields.revenueVnd')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {event.participants.map((p) => (
                  <Table.Tr key={p.subjectId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/subjects/${p.subjectId}`} size="sm" fw={500}>
                        {p.subjectName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {p.products.length === 0
                        ? '—'
                        : p.products.map((product, i) => (
                            <span key={product.productId}>
                              {i > 0 && ', '}
                              <Anchor component={Link} to={`/products/${product.productId}`} size="sm">
                                {product.productName}
                              </Anchor>
                            </span>
                          ))}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(p.booths)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatVnd(p.revenueVnd)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {event.otherParticipantCount > 0 && (
          <Text size="sm" c="dimmed">
            {t('market.tradeEvents.participants.others', { count: event.otherParticipantCount })}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}

/** One event: when, where, its figures, the producers there and its photos. */
export function TradeEventDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const place = usePlaceText();
  const navigate = useNavigate();
  const access = useActivityAccess();
  const event = useTradeEvent(id);
  const remove = useDeleteTradeEvent();
  const back = { to: LIST, label: t('market.tradeEvents.title') };

  if (event.isPending) return <PageLoader />;
  if (event.isError)
    return (
      <>
        <PageHeader title={t('market.tradeEvents.title')} back={back} />
        <QueryError error={event.error} onRetry={() => void event.refetch()} />
      </>
    );

  const record = event.data;
  const canEdit = access.canEdit(record);
  return (
    <>
      <PageHeader
        back={back}
        title={record.name}
        description={`${labels.eventKind(record.kind)} · ${periodText(record)} · ${place(record)}`}
        actions={
          canEdit && (
            <>
              <Button component={Link} to={`${LIST}/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
              <ConfirmDeleteButton
                title={t('market.tradeEvents.deleteTitle')}
                body={t('market.tradeEvents.deleteBody', { name: record.name })}
                onConfirm={() =>
                  remove.mutateAsync(record.id, {
                    onSuccess: () => {
                      notifySuccess(t('market.tradeEvents.deleted'));
                      void navigate(LIST, { replace: true });
                    },
                    onError: (error) => reportMutationError(error),
                  })
                }
              />
            </>
          )
        }
      />
      <Stack>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SectionCard title={t('market.tradeEvents.sections.general')}>
              <FieldList
                items={[
                  { label: t('market.tradeEvents.fields.kind'), value: labels.eventKind(record.kind) },
                  { label: t('market.tradeEvents.columns.period'), value: periodText(record) },
                  { label: t('market.placement.label'), value: [...new Set([labels.placement(record.placement), place(record)])].join(' · ') },
                  { label: t('market.tradeEvents.fields.place'), value: orDash(record.place) },
                  { label: t('market.tradeEvents.fields.organiser'), value: orDash(record.organiser) },
                  { label: t('market.tradeEvents.fields.externalCode'), value: orDash(record.externalCode) },
                  { label: t('market.tradeEvents.fields.note'), value: orDash(record.note) },
                  { label: t('market.fields.updatedAt'), value: formatDateTime(record.updatedAt) },
                ]}
              />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SectionCard title={t('market.tradeEvents.sections.results')}>
              <FieldList
                items={[
                  { label: t('market.tradeEvents.fields.booths'), value: formatNumber(record.booths) },
                  { label: t('market.tradeEvents.fields.visitors'), value: formatNumber(record.visitors) },
                  { label: t('market.tradeEvents.fields.revenueVnd'), value: formatVnd(record.revenueVnd) },
                  { label: t('market.tradeEvents.fields.contracts'), value: formatNumber(record.contracts) },
                ]}
              />
            </SectionCard>
          </Grid.Col>
        </Grid>
        <Participants event={record} />
        <SectionCard title={t('market.tradeEvents.photos.title')}>
          <EventPhotos event={record} canEdit={canEdit} />
        </SectionCard>
      </Stack>
    </>
  );
}
