import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPoints, formatVnd } from '../../../lib/format.js';
import type { SupportPolicy } from '../api/support.js';
import { barValue, budgetUse } from './figures.js';

/**
 * What a policy has committed of its budget: the paid part and the part approved but not yet paid,
 * side by side in one bar; red when the grants exceed the budget. Without a budget, the amounts alone.
 */
export function PolicyProgress({ policy, compact = false }: { policy: SupportPolicy; compact?: boolean }) {
  const { t } = useTranslation();
  const use = budgetUse(policy);
  if (use.committedPercent === null)
    return (
      <Text size="xs" c="dimmed">
        {t('programme.support.committedNoBudget', { committed: formatVnd(policy.committedVnd) })}
      </Text>
    );
  const paid = barValue(use.disbursedPercent);
  const pending = Math.max(0, barValue(use.committedPercent) - paid);
  const summary = t('programme.support.committedShare', { percent: formatPoints(use.committedPercent) });
  return (
    <Stack gap={4} miw={compact ? 140 : undefined}>
      <Progress.Root size={compact ? 'md' : 'lg'} aria-label={summary}>
        <Progress.Section value={paid} color={use.over ? 'red' : 'teal'} title={t('programme.support.disbursed')} />
        <Progress.Section value={pending} color={use.over ? 'red.3' : 'teal.3'} title={t('programme.support.committed')} />
      </Progress.Root>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c={use.over ? 'red' : 'dimmed'} fw={use.over ? 600 : undefined}>
          {use.over ? t('programme.support.overBudget', { percent: formatPoints(use.committedPercent) }) : summary}
        </Text>
        {!compact && use.remainingVnd !== null && !use.over && (
          <Text size="xs" c="dimmed">
            {t('programme.support.remaining', { amount: formatVnd(use.remainingVnd) })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
