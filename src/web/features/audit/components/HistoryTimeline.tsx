import { Badge, Group, Table, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { formatDateTime } from '../../../lib/format.js';
import { actorText } from '../../../lib/text.js';
import { useHistory, type AuditedCollection, type AuditEntry } from '../api/history.js';
import { describeValue } from './describe-value.js';

/** Bookkeeping columns that every creation records and nobody needs to read. */
const HIDDEN_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

const ACTION_ICON = { create: IconPlus, update: IconPencil, delete: IconTrash } as const;
const ACTION_COLOR = { create: 'teal', update: 'blue', delete: 'red' } as const;

type HistoryTimelineProps = {
  collection: AuditedCollection;
  id: string;
  /** The feature's own label for a recorded field name. */
  fieldLabel: (field: string) => string;
  /** The feature's own wording of a value (a legal-form code, a status…), when it has one. */
  valueLabel?: (field: string, value: unknown) => string | undefined;
  /** Fields in the order the feature shows them; the rest follow. */
  fieldOrder?: readonly string[];
};

function sortByOrder<T extends { field: string }>(changes: readonly T[], order: readonly string[] = []): T[] {
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return [...changes].sort((a, b) => rank(a.field) - rank(b.field));
}

function ChangesTable({
  entry,
  fieldLabel,
  valueLabel,
  fieldOrder,
}: { entry: AuditEntry } & Pick<HistoryTimelineProps, 'fieldLabel' | 'valueLabel' | 'fieldOrder'>) {
  const { t } = useTranslation();
  const texts = { yes: t('common.yes'), no: t('common.no'), items: (count: number) => t('audit.items', { count }) };
  const show = (field: string, value: unknown) => valueLabel?.(field, value) ?? describeValue(value, texts);
  const changes = sortByOrder(
    entry.changes.filter((change) => !HIDDEN_FIELDS.has(change.field)),
    fieldOrder,
  );
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  const isCreate = entry.action === 'create';
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table withTableBorder fz="sm" verticalSpacing={4} highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.field')}</Table.Th>
            {!isCreate && <Table.Th>{t('audit.before')}</Table.Th>}
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.field}>
              <Table.Td fw={500}>{fieldLabel(change.field)}</Table.Td>
              {!isCreate && <Table.Td c="dimmed">{show(change.field, change.before)}</Table.Td>}
              <Table.Td>{show(change.field, change.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Who changed what and when, newest first. */
export function HistoryTimeline({ collection, id, fieldLabel, valueLabel, fieldOrder }: HistoryTimelineProps) {
  const { t } = useTranslation();
  const history = useHistory(collection, id);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;

  return (
    <Timeline bulletSize={28} lineWidth={2} active={history.data.items.length}>
      {history.data.items.map((entry) => {
        const Icon = ACTION_ICON[entry.action];
        return (
          <Timeline.Item
            key={entry.id}
            bullet={<Icon size={14} aria-hidden />}
            color={ACTION_COLOR[entry.action]}
            title={
              <Group gap="xs">
                <Badge color={ACTION_COLOR[entry.action]}>{t(`audit.actions.${entry.action}`)}</Badge>
                <Text size="sm" fw={500}>
                  {formatDateTime(entry.at)}
                </Text>
                <Text size="sm" c="dimmed" title={actorText(entry).title}>
                  {t('audit.by', { actor: entry.actorLabel === 'system' ? t('audit.system') : actorText(entry).text })}
                </Text>
              </Group>
            }
            data-testid="history-entry"
          >
            <ChangesTable entry={entry} fieldLabel={fieldLabel} valueLabel={valueLabel} fieldOrder={fieldOrder} />
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
