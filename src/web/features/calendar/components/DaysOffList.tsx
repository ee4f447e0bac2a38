import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { CalendarDayOff } from '../api/calendar.js';
import { DAY_OFF_COLOR, useCalendarLabels } from './labels.js';

/** The year's days off besides weekends: statutory holidays, compensatory days, days off by notice. */
export function DaysOffList({ days }: { days: readonly CalendarDayOff[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const labels = useCalendarLabels();
  const isPhone = useIsPhone();
  if (isPhone)
    return (
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {days.map((day) => (
          <Card key={day.date} component="li" withBorder padding="xs" data-testid="day-off" data-kind={day.kind}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {formatDate(day.date)} · {labels.weekday(day.date)}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {label(day.name)}
                </Text>
              </Stack>
              <Badge color={DAY_OFF_COLOR[day.kind]} variant="light" style={{ flexShrink: 0 }}>
                {labels.dayOffKind(day.kind)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={440}>
      <Table verticalSpacing={6} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calendar.fields.date')}</Table.Th>
            <Table.Th>{t('calendar.fields.name')}</Table.Th>
            <Table.Th>{t('calendar.fields.kind')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((day) => (
            <Table.Tr key={day.date} data-testid="day-off" data-kind={day.kind}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {formatDate(day.date)}
                </Text>
                <Text size="xs" c="dimmed">
                  {labels.weekday(day.date)}
                </Text>
              </Table.Td>
              <Table.Td>{label(day.name)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={DAY_OFF_COLOR[day.kind]} variant="light">
                  {labels.dayOffKind(day.kind)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
