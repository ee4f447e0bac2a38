import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatNumber, formatVnd, orDash } from '../../../lib/format.js';
import type { IndicatorDefinition } from '../../../lib/reference.js';
import { useCommuneNames } from '../../../lib/reference.js';
import type { Plan } from '../api/plans.js';
import { usePlanLabels } from './labels.js';

/** The plan as officers read it: the same sections as the editor, without inputs. */
export function PlanView({ plan, catalogue }: { plan: Plan; catalogue: readonly IndicatorDefinition[] }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(catalogue);
  const communes = useCommuneNames();
  return (
    <Stack>
      <SectionCard title={t('plans.sections.targets')}>
        {plan.targets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plans.targets.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.targets.indicator')}</Table.Th>
                  <Table.Th>{t('plans.targets.commune')}</Table.Th>
                  <Table.Th ta="right">{t('plans.targets.target')}</Table.Th>
                  <Table.Th>{t('plans.targets.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.targets.map((row, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{labels.indicator(row.indicatorCode)}</Table.Td>
                    <Table.Td>{row.communeCode ? (communes.get(row.communeCode) ?? row.communeCode) : t('plans.targets.wholeProvince')}</Table.Td>
                    <Table.Td ta="right">
                      {labels.unitCodeOf(row.indicatorCode) === 'vnd'
                        ? formatVnd(row.target)
                        : `${formatNumber(row.target)} ${labels.unitOf(row.indicatorCode)}`}
                    </Table.Td>
                    <Table.Td>{orDash(row.note)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      <SectionCard title={t('plans.sections.budget')}>
        {plan.budgetLines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plans.budget.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.budget.item')}</Table.Th>
                  <Table.Th>{t('plans.budget.source')}</Table.Th>
                  <Table.Th ta="right">{t('plans.budget.amount')}</Table.Th>
                  <Table.Th>{t('plans.budget.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.budgetLines.map((row, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{row.item}</Table.Td>
                    <Table.Td>{labels.source(row.source)}</Table.Td>
                    <Table.Td ta="right">{formatVnd(row.amountVnd)}</Table.Td>
                    <Table.Td>{orDash(row.note)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t('plans.budget.total')}</Table.Th>
                  <Table.Th ta="right" data-testid="budget-total">
                    {formatVnd(plan.budgetTotalVnd)}
                  </Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      <SectionCard title={t('plans.sections.narrative')}>
        {plan.narrative.trim() ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {plan.narrative}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('plans.noNarrative')}
          </Text>
        )}
      </SectionCard>
    </Stack>
  );
}
