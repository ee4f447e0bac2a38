import { Anchor, Card, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileDescription } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate, formatVnd } from '../../../lib/format.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { PLAN_PAGE_SIZE, useBusinessPlans, type BusinessPlanSummary } from '../api/ideas.js';
import { PlanStatusBadge, ProductStageBadge } from '../components/badges.js';
import { isPlanStatus, useProgrammeLabels } from '../components/labels.js';
import { YearStatusCommuneFilters } from '../components/YearStatusCommuneFilters.js';
import { parseYear } from '../components/years.js';

const FILTERS = ['year', 'status', 'communeCode'] as const;

/** Who the plan is for: the registered producer, else the idea's proposer. */
const holderOf = (plan: BusinessPlanSummary) => plan.subjectName ?? plan.proposerName ?? '—';
const ideaPath = (plan: BusinessPlanSummary) => `/activities/ideas/${plan.ideaId}`;

function PlanTable({ plans }: { plans: readonly BusinessPlanSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="plan-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.plans.fields.submittedOn')}</Table.Th>
            <Table.Th miw={220}>{t('programme.plans.fields.title')}</Table.Th>
            <Table.Th miw={170}>{t('programme.ideas.columns.proposer')}</Table.Th>
            <Table.Th>{t('programme.plans.fields.status')}</Table.Th>
            <Table.Th>{t('programme.plans.fields.productId')}</Table.Th>
            <Table.Th ta="right">{t('programme.plans.list.investment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.id} className="clickable-row" onClick={() => void navigate(ideaPath(plan))}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(plan.submittedOn)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={ideaPath(plan)} fw={500} onClick={(event) => event.stopPropagation()}>
                  {plan.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('programme.plans.list.idea')}: {plan.ideaTitle}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{holderOf(plan)}</Text>
                <Text size="xs" c="dimmed">
                  {plan.communeName}
                </Text>
              </Table.Td>
              <Table.Td>
                <PlanStatusBadge status={plan.status} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  {plan.productName && <Text size="sm">{plan.productName}</Text>}
                  <ProductStageBadge stage={plan.productStage} />
                </Stack>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {plan.investmentVnd === null ? '—' : formatVnd(plan.investmentVnd)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlanCards({ plans }: { plans: readonly BusinessPlanSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {plans.map((plan) => (
        <Card key={plan.id} withBorder padding="sm" component="article">
          <Anchor component={Link} to={ideaPath(plan)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {plan.title}
          </Anchor>
          <Text size="sm" c="dimmed" mt={2}>
            {holderOf(plan)} · {plan.communeName}
          </Text>
          <Text size="xs" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }}>
            {t('programme.plans.list.idea')}: {plan.ideaTitle}
          </Text>
          <Group gap="xs" mt={6}>
            <PlanStatusBadge status={plan.status} />
            <ProductStageBadge stage={plan.productStage} />
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('programme.plans.list.submittedOnValue', { date: formatDate(plan.submittedOn) })}
            {plan.productName ? ` · ${plan.productName}` : ''}
            {plan.investmentVnd === null ? '' : ` · ${formatVnd(plan.investmentVnd)}`}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

/** Business plans and projects built on the ideas the reader sees, latest submitted first; each opens its idea. */
export function PlanListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useProgrammeLabels();
  const list = useListParams(FILTERS);
  const filters = {
    q: list.q,
    year: parseYear(list.filters.year, new Date().getFullYear()),
    status: isPlanStatus(list.filters.status) ? list.filters.status : null,
    communeCode: list.filters.communeCode,
  };
  const plans = useBusinessPlans({ ...filters, page: list.page });

  return (
    <>
      <PageHeader
        title={t('programme.plans.list.title')}
        description={t('programme.plans.list.intro')}
        actions={<ExportMenu path="/business-plans" filters={filters} />}
      />
      <SectionCard>
        <YearStatusCommuneFilters
          list={list}
          filters={filters}
          search={{ label: t('programme.plans.list.search'), placeholder: t('programme.plans.list.searchPlaceholder') }}
          status={{ label: t('programme.plans.fields.status'), options: labels.planStatusOptions }}
          yearLabel={t('programme.plans.list.year')}
        />
        <QueryView
          query={plans}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconFileDescription aria-hidden />} title={t('programme.plans.list.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: plans.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <PlanCards plans={data.items} /> : <PlanTable plans={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={PLAN_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
