import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatNumber, formatVnd } from '../../../lib/format.js';
import type { TradeEventSummary } from '../api/trade-events.js';
import { useMarketLabels } from './labels.js';
import { usePlaceText } from './SalesPointResults.js';

const pathOf = (event: Pick<TradeEventSummary, 'id'>) => `/market/trade-events/${event.id}`;

/** "20/11/2025 – 24/11/2025", or one date for a one-day event. */
export const periodText = (event: Pick<TradeEventSummary, 'startsOn' | 'endsOn'>) =>
  event.startsOn === event.endsOn ? formatDate(event.startsOn) : `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)}`;

export function TradeEventTable({ events }: { events: readonly TradeEventSummary[] }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const place = usePlaceText();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table data-testid="trade-event-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('market.tradeEvents.fields.name')}</Table.Th>
            <Table.Th>{t('market.tradeEvents.columns.period')}</Table.Th>
            <Table.Th>{t('market.tradeEvents.columns.place')}</Table.Th>
            <Table.Th ta="right">{t('market.tradeEvents.columns.participants')}</Table.Th>
            <Table.Th ta="right">{t('market.tradeEvents.fields.booths')}</Table.Th>
            <Table.Th ta="right">{t('market.tradeEvents.fields.revenueVnd')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} className="clickable-row" onClick={() => void navigate(pathOf(event))}>
              <Table.Td>
                <Anchor component={Link} to={pathOf(event)} fw={500} onClick={(e) => e.stopPropagation()}>
                  {event.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {labels.eventKind(event.kind)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(event)}</Table.Td>
              <Table.Td>
                <Text size="sm">{place(event)}</Text>
                {event.place && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {event.place}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(event.participantCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(event.booths)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(event.revenueVnd)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TradeEventCards({ events }: { events: readonly TradeEventSummary[] }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const place = usePlaceText();
  return (
    <Stack gap="sm">
      {events.map((event) => (
        <Card key={event.id} withBorder padding="sm" component="article">
          <Anchor component={Link} to={pathOf(event)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {event.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {labels.eventKind(event.kind)} · {periodText(event)} · {place(event)}
          </Text>
          <Group gap="md" mt={4}>
            <Text size="xs">{t('market.tradeEvents.participantCount', { count: event.participantCount })}</Text>
            {event.revenueVnd !== null && <Text size="xs">{formatVnd(event.revenueVnd)}</Text>}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
