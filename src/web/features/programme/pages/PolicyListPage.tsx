import { Anchor, Button, Card, EmptyState, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCoin, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatVnd } from '../../../lib/format.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { SUPPORT_PAGE_SIZE, usePolicies, type SupportPolicy } from '../api/support.js';
import { isSupportArea, useProgrammeLabels } from '../components/labels.js';
import { PolicyDialog } from '../components/PolicyDialog.js';
import { PolicyProgress } from '../components/PolicyProgress.js';
import { SupportSwitch } from '../components/SupportSwitch.js';
import { YearSelect } from '../components/YearSelect.js';
import { parseYear } from '../components/years.js';

const FILTERS = ['year', 'area'] as const;
const policyPath = (policy: SupportPolicy) => `/activities/support/policies/${policy.id}`;

function PolicyTable({ policies }: { policies: readonly SupportPolicy[] }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table data-testid="policy-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.support.fields.name')}</Table.Th>
            <Table.Th>{t('programme.year')}</Table.Th>
            <Table.Th ta="right">{t('programme.support.fields.budgetVnd')}</Table.Th>
            <Table.Th ta="right">{t('programme.support.committed')}</Table.Th>
            <Table.Th ta="right">{t('programme.support.disbursed')}</Table.Th>
            <Table.Th w={200}>{t('programme.support.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policies.map((policy) => (
            <Table.Tr key={policy.id} className="clickable-row" onClick={() => void navigate(policyPath(policy))}>
              <Table.Td maw={360}>
                <Anchor component={Link} to={policyPath(policy)} fw={500} onClick={(event) => event.stopPropagation()}>
                  {policy.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {labels.supportArea(policy.area)} · {t('programme.support.grantCount', { count: policy.grantCount })}
                </Text>
              </Table.Td>
              <Table.Td>{policy.year}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(policy.budgetVnd)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(policy.committedVnd)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(policy.disbursedVnd)}
              </Table.Td>
              <Table.Td>
                <PolicyProgress policy={policy} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PolicyCards({ policies }: { policies: readonly SupportPolicy[] }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  return (
    <Stack gap="sm">
      {policies.map((policy) => (
        <Card key={policy.id} withBorder padding="sm" component="article">
          <Anchor component={Link} to={policyPath(policy)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {policy.name}
          </Anchor>
          <Text size="xs" c="dimmed" mb={6}>
            {policy.year} · {labels.supportArea(policy.area)}
          </Text>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('programme.support.fields.budgetVnd')}</Text>
            <Text size="sm" fw={600}>
              {formatVnd(policy.budgetVnd)}
            </Text>
          </Group>
          <Group justify="space-between" gap="xs" mb={6}>
            <Text size="sm">{t('programme.support.committed')}</Text>
            <Text size="sm" fw={600}>
              {formatVnd(policy.committedVnd)}
            </Text>
          </Group>
          <PolicyProgress policy={policy} />
        </Card>
      ))}
    </Stack>
  );
}

/** The year's support policies with their budget and how much of it grants have taken. */
export function PolicyListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useProgrammeLabels();
  const access = useActivityAccess();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const list = useListParams(FILTERS);
  const filters = {
    q: list.q,
    year: parseYear(list.filters.year, new Date().getFullYear()),
    area: isSupportArea(list.filters.area) ? list.filters.area : null,
  };
  const policies = usePolicies({ ...filters, page: list.page });

  return (
    <>
      <PageHeader
        title={t('programme.support.title')}
        description={t('programme.support.intro')}
        actions={
          <>
            <ExportMenu path="/support/policies" filters={filters} />
            {access.managesSupport && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
                {t('programme.support.newPolicy')}
              </Button>
            )}
          </>
        }
      />
      <SupportSwitch value="policies" />
      <SectionCard>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <SearchInput label={t('programme.support.search')} value={list.q} onSearch={list.setQuery} />
          <YearSelect
            value={filters.year}
            onChange={(year) => list.setFilter('year', year === null ? null : String(year))}
            placeholder={t('common.all')}
            clearable
          />
          <Select
            label={t('programme.support.fields.area')}
            placeholder={t('common.all')}
            data={labels.supportAreaOptions}
            value={filters.area}
            onChange={(value) => list.setFilter('area', value)}
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
          query={policies}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconCoin aria-hidden />} title={t('programme.support.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: policies.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <PolicyCards policies={data.items} /> : <PolicyTable policies={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={SUPPORT_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
      <PolicyDialog opened={opened} onClose={close} policy={null} onSaved={(policy) => void navigate(policyPath(policy))} />
    </>
  );
}
