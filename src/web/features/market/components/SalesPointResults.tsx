import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatNumber } from '../../../lib/format.js';
import type { SalesPointSummary } from '../api/sales-points.js';
import { ChecklistScore } from './ChecklistFields.js';
import { useProvinceNames } from './inputs.js';
import { SALES_POINT_STATUS_COLOR, useMarketLabels } from './labels.js';

type Placed = { placement: string; communeName: string | null; otherProvinceCode: string | null; otherProvinceName?: string | null; country?: string | null };

/** Where a point or an event is, in a few words: its commune, the other province, or the country abroad. */
export function usePlaceText() {
  const labels = useMarketLabels();
  const provinces = useProvinceNames();
  return (record: Placed) =>
    record.communeName ??
    record.otherProvinceName ??
    (record.otherProvinceCode ? provinces.get(record.otherProvinceCode) : undefined) ??
    record.country ??
    labels.placement(record.placement);
}

export function SalesPointStatusBadge({ status }: { status: SalesPointSummary['status'] }) {
  const labels = useMarketLabels();
  return <Badge color={SALES_POINT_STATUS_COLOR[status]}>{labels.status(status)}</Badge>;
}

const pathOf = (point: SalesPointSummary) => `/market/sales-points/${point.id}`;

export function SalesPointTable({ points }: { points: readonly SalesPointSummary[] }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const place = usePlaceText();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="sales-point-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('market.salesPoints.fields.name')}</Table.Th>
            <Table.Th>{t('market.salesPoints.fields.kind')}</Table.Th>
            <Table.Th>{t('market.salesPoints.columns.place')}</Table.Th>
            <Table.Th ta="right">{t('market.salesPoints.columns.products')}</Table.Th>
            <Table.Th>{t('market.salesPoints.columns.checklist')}</Table.Th>
            <Table.Th>{t('market.salesPoints.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr key={point.id} className="clickable-row" onClick={() => void navigate(pathOf(point))}>
              <Table.Td>
                <Anchor component={Link} to={pathOf(point)} fw={500} onClick={(event) => event.stopPropagation()}>
                  {point.name}
                </Anchor>
                {point.operator && (
                  <Text size="xs" c="dimmed">
                    {point.operator}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="sm">{labels.kind(point.kind)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{place(point)}</Text>
                {point.address && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {point.address}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(point.productCount)}</Table.Td>
              <Table.Td>
                <ChecklistScore met={point.checklistMet} total={point.checklistTotal} />
              </Table.Td>
              <Table.Td>
                <SalesPointStatusBadge status={point.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The phone layout of the list: one card per point. */
export function SalesPointCards({ points }: { points: readonly SalesPointSummary[] }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const place = usePlaceText();
  return (
    <Stack gap="sm">
      {points.map((point) => (
        <Card key={point.id} withBorder padding="sm" component="article">
          <Anchor component={Link} to={pathOf(point)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {point.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {labels.kind(point.kind)} · {place(point)}
          </Text>
          <Group gap="xs" mt={6}>
            <SalesPointStatusBadge status={point.status} />
            <ChecklistScore met={point.checklistMet} total={point.checklistTotal} />
            <Text size="xs" c="dimmed">
              {t('market.salesPoints.productCount', { count: point.productCount })}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
