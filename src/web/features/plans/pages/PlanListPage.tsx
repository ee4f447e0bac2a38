import { Anchor, Button, Card, EmptyState, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canEditPlans } from '../../../../domain/policies/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate, formatNumber, formatVnd } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useActor } from '../../../lib/session.js';
import { usePlans } from '../api/plans.js';

const MIN_YEAR = 2018;
const MAX_YEAR = 2100;

/** Admin: open the editor on a year, new or existing. */
function NewPlan({ years }: { years: readonly number[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = new Date().getFullYear();
  const firstFree = [now, now + 1].find((y) => !years.includes(y)) ?? now + 1;
  const [year, setYear] = useState<number | string>(firstFree);
  const valid = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  return (
    <Group
      gap="xs"
      align="flex-end"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void navigate(`/plans/${year}`);
      }}
    >
      <NumberInput label={t('plans.year')} value={year} onChange={setYear} min={MIN_YEAR} max={MAX_YEAR} allowDecimal={false} thousandSeparator="" w={100} />
      <Button type="submit" disabled={!valid} leftSection={<IconCalendarPlus size={16} aria-hidden />}>
        {typeof year === 'number' && years.includes(year) ? t('plans.open') : t('plans.create')}
      </Button>
    </Group>
  );
}

/** The annual plans of the province: one per year, with its targets and budget at a glance. */
export function PlanListPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const plans = usePlans();
  const canEdit = canEditPlans(actor);
  const sorted = [...(plans.data ?? [])].sort((a, b) => b.year - a.year);

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        description={t('plans.intro')}
        actions={canEdit && plans.data && <NewPlan years={plans.data.map((p) => p.year)} />}
      />
      <SectionCard>
        <QueryView
          query={plans}
          isEmpty={() => sorted.length === 0}
          empty={<EmptyState icon={<IconClipboardList aria-hidden />} title={t('plans.empty')} py="xl" />}
        >
          {() =>
            isPhone ? (
              <Stack gap="sm">
                {sorted.map((plan) => (
                  <Card key={plan.id} withBorder padding="md" component="article">
                    <Anchor component={Link} to={`/plans/${plan.year}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {plan.year} · {plan.title}
                    </Anchor>
                    <Text size="sm" c="dimmed" mt={4}>
                      {t('plans.targetCount', { count: plan.targetCount })} · {formatVnd(plan.budgetTotalVnd)}
                    </Text>
                  </Card>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table data-testid="plan-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('plans.year')}</Table.Th>
                      <Table.Th>{t('plans.fields.title')}</Table.Th>
                      <Table.Th ta="right">{t('plans.columns.targets')}</Table.Th>
                      <Table.Th ta="right">{t('plans.columns.budget')}</Table.Th>
                      <Table.Th>{t('plans.columns.updatedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sorted.map((plan) => (
                      <Table.Tr key={plan.id} className="clickable-row" onClick={() => void navigate(`/plans/${plan.year}`)}>
                        <Table.Td fw={600}>{plan.year}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/plans/${plan.year}`} onClick={(event) => event.stopPropagation()}>
                            {plan.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(plan.targetCount)}</Table.Td>
                        <Table.Td ta="right">{formatVnd(plan.budgetTotalVnd)}</Table.Td>
                        <Table.Td>{formatDate(plan.updatedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryView>
      </SectionCard>
    </>
  );
}
