import { Anchor, Button, Card, EmptyState, Group, Select, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconFilterOff, IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatDate, formatNumber, orDash } from '../../../lib/format.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { COMMUNICATION_PAGE_SIZE, useCommunicationItems, type CommunicationItem } from '../api/communication.js';
import { CommunicationDialog } from '../components/CommunicationDialog.js';
import { isCommunicationKind, useProgrammeLabels } from '../components/labels.js';
import { YearSelect } from '../components/YearSelect.js';
import { parseYear } from '../components/years.js';

const FILTERS = ['year', 'kind'] as const;

type ItemsProps = { items: readonly CommunicationItem[]; onOpen: ((item: CommunicationItem) => void) | undefined };

/** The title: a button that opens the item for those who edit it, plain text for the others. */
function ItemTitle({ item, onOpen }: { item: CommunicationItem; onOpen: ItemsProps['onOpen'] }) {
  if (!onOpen)
    return (
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {item.title}
      </Text>
    );
  return (
    <UnstyledButton
      onClick={(event) => {
        event.stopPropagation();
        onOpen(item);
      }}
      fw={500}
      fz="sm"
      c="ocop.8"
      style={{ textAlign: 'start', overflowWrap: 'anywhere' }}
    >
      {item.title}
    </UnstyledButton>
  );
}

function ItemLink({ item }: { item: CommunicationItem }) {
  const { t } = useTranslation();
  if (!item.url) return null;
  return (
    <Anchor href={item.url} target="_blank" rel="noopener noreferrer" size="xs" onClick={(event) => event.stopPropagation()}>
      <Group gap={4} component="span" wrap="nowrap">
        {t('programme.communication.open')}
        <IconExternalLink size={12} aria-hidden />
      </Group>
    </Anchor>
  );
}

function ItemTable({ items, onOpen }: ItemsProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table data-testid="communication-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.communication.fields.publishedOn')}</Table.Th>
            <Table.Th>{t('programme.communication.fields.title')}</Table.Th>
            <Table.Th>{t('programme.communication.fields.kind')}</Table.Th>
            <Table.Th>{t('programme.communication.fields.channel')}</Table.Th>
            <Table.Th ta="right">{t('programme.communication.fields.quantity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} className={onOpen ? 'clickable-row' : undefined} onClick={onOpen ? () => onOpen(item) : undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.publishedOn)}</Table.Td>
              <Table.Td maw={380}>
                <ItemTitle item={item} onOpen={onOpen} />
                <ItemLink item={item} />
              </Table.Td>
              <Table.Td>{labels.communicationKind(item.kind)}</Table.Td>
              <Table.Td>{orDash(item.channel)}</Table.Td>
              <Table.Td ta="right">{formatNumber(item.quantity)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ItemCards({ items, onOpen }: ItemsProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  return (
    <Stack gap="sm">
      {items.map((item) => (
        <Card key={item.id} withBorder padding="sm" component="article">
          <ItemTitle item={item} onOpen={onOpen} />
          <Text size="xs" c="dimmed" mt={2}>
            {labels.communicationKind(item.kind)}
            {item.channel ? ` · ${item.channel}` : ''}
          </Text>
          <Group justify="space-between" gap="xs" mt={4}>
            <Text size="xs" c="dimmed">
              {formatDate(item.publishedOn)} · {t('programme.communication.quantityValue', { count: item.quantity })}
            </Text>
            <ItemLink item={item} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** What the programme published (segments, articles, handbooks, panels): the office records them. */
export function CommunicationPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useProgrammeLabels();
  const access = useActivityAccess();
  const list = useListParams(FILTERS);
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<CommunicationItem | null>(null);
  const filters = {
    q: list.q,
    year: parseYear(list.filters.year, new Date().getFullYear()),
    kind: isCommunicationKind(list.filters.kind) ? list.filters.kind : null,
  };
  const items = useCommunicationItems({ ...filters, page: list.page });
  const openFor = (item: CommunicationItem | null) => {
    setEditing(item);
    open();
  };
  // Communication is province-wide (no commune): the office's to record and change.
  const mayEdit = access.canRecordIn(null);
  const onOpen = mayEdit ? openFor : undefined;

  return (
    <>
      <PageHeader
        title={t('programme.communication.title')}
        description={t('programme.communication.intro')}
        actions={
          <>
            <ExportMenu path="/communication" filters={filters} />
            {mayEdit && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openFor(null)}>
                {t('programme.communication.new')}
              </Button>
            )}
          </>
        }
      />
      <SectionCard>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <SearchInput label={t('programme.communication.search')} value={list.q} onSearch={list.setQuery} />
          <YearSelect
            value={filters.year}
            onChange={(year) => list.setFilter('year', year === null ? null : String(year))}
            placeholder={t('common.all')}
            clearable
          />
          <Select
            label={t('programme.communication.fields.kind')}
            placeholder={t('common.all')}
            data={labels.communicationKindOptions}
            value={filters.kind}
            onChange={(value) => list.setFilter('kind', value)}
            clearable
          />
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
          query={items}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconSpeakerphone aria-hidden />} title={t('programme.communication.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: items.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <ItemCards items={data.items} onOpen={onOpen} /> : <ItemTable items={data.items} onOpen={onOpen} />}
              <ListFooter total={data.total} page={list.page} pageSize={COMMUNICATION_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
      <CommunicationDialog opened={opened} onClose={close} item={editing} />
    </>
  );
}
