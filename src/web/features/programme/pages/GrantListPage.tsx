import { Button, EmptyState, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCoin, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { SubjectSelect } from '../../../components/SubjectSelect.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatVnd } from '../../../lib/format.js';
import { useListParams } from '../../../lib/list-params.js';
import { SUPPORT_PAGE_SIZE, useGrants, usePolicyOptions, type SupportGrant } from '../api/support.js';
import { GrantDialog } from '../components/GrantDialog.js';
import { GrantResults } from '../components/GrantResults.js';
import { isGrantStatus, useProgrammeLabels } from '../components/labels.js';
import { SupportSwitch } from '../components/SupportSwitch.js';
import { YearSelect } from '../components/YearSelect.js';
import { parseYear } from '../components/years.js';

const FILTERS = ['year', 'policyId', 'subjectId', 'status'] as const;

/** Every grant under the province's policies, filtered, with the total of what matches. */
export function GrantListPage() {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const access = useActivityAccess();
  const list = useListParams(FILTERS);
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<SupportGrant | null>(null);
  const filters = {
    q: list.q,
    year: parseYear(list.filters.year, new Date().getFullYear()),
    policyId: list.filters.policyId,
    subjectId: list.filters.subjectId,
    status: isGrantStatus(list.filters.status) ? list.filters.status : null,
  };
  const grants = useGrants({ ...filters, page: list.page });
  const policies = usePolicyOptions(filters.year);
  const policyOptions = (policies.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }));
  const openFor = (grant: SupportGrant | null) => {
    setEditing(grant);
    open();
  };

  return (
    <>
      <PageHeader
        title={t('programme.support.title')}
        description={t('programme.grants.intro')}
        actions={
          <>
            <ExportMenu path="/support/grants" filters={filters} />
            {access.managesSupport && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openFor(null)}>
                {t('programme.grants.new')}
              </Button>
            )}
          </>
        }
      />
      <SupportSwitch value="grants" />
      <SectionCard>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" mb="md">
          <SearchInput label={t('programme.grants.search')} value={list.q} onSearch={list.setQuery} />
          <YearSelect
            value={filters.year}
            onChange={(year) => list.setFilter('year', year === null ? null : String(year))}
            placeholder={t('common.all')}
            clearable
          />
          <Select
            label={t('programme.grants.fields.policyId')}
            placeholder={t('common.all')}
            data={policyOptions}
            value={filters.policyId}
            onChange={(value) => list.setFilter('policyId', value)}
            searchable
            nothingFoundMessage={t('select.nothingFound')}
            clearable
            comboboxProps={{ width: 'target', position: 'bottom-start' }}
          />
          <SubjectSelect
            label={t('programme.grants.fields.subjectId')}
            placeholder={t('common.all')}
            value={filters.subjectId}
            onChange={(value) => list.setFilter('subjectId', value)}
            clearable
          />
          <Select
            label={t('programme.grants.fields.status')}
            placeholder={t('common.all')}
            data={labels.grantStatusOptions}
            value={filters.status}
            onChange={(value) => list.setFilter('status', value)}
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
          query={grants}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconCoin aria-hidden />} title={t('programme.grants.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: grants.isPlaceholderData ? 0.6 : 1 }}>
              <Group justify="flex-end" mb="sm">
                <Text fw={700} data-testid="grants-total">
                  {t('programme.grants.totalMatching', { amount: formatVnd(data.totalVnd) })}
                </Text>
              </Group>
              <GrantResults grants={data.items} showPolicy onOpen={access.managesSupport ? (grant) => openFor(grant) : undefined} />
              <ListFooter total={data.total} page={list.page} pageSize={SUPPORT_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
      <GrantDialog opened={opened} onClose={close} grant={editing} />
    </>
  );
}
