import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../../lib/format.js';
import type { CriterionOption } from './criteria-tree.js';
import { MinStarBadge } from './MinStarBadge.js';

type OptionLineProps = { option: CriterionOption; showCase?: boolean; dimmed?: boolean };

/** One option of a criterion: its wording, its points and, when it has one, its minimum-star mark. */
export function OptionLine({ option, showCase = false, dimmed = false }: OptionLineProps) {
  const { t } = useTranslation();
  return (
    // On a narrow screen the marks move under the wording instead of squeezing it into a column.
    <Group gap={6} wrap="wrap" align="flex-start" justify="space-between" w="100%" style={{ rowGap: 4 }}>
      <Text size="sm" style={{ flex: '1 1 12rem', minWidth: 0, overflowWrap: 'anywhere' }} c={dimmed ? 'dimmed' : undefined}>
        {showCase && option.case && (
          <Badge color="grape" size="xs" mr={6} variant="outline" radius="sm">
            {t('criteria.caseBadge', { case: option.case })}
          </Badge>
        )}
        {option.label}
      </Text>
      <Group gap={6} wrap="nowrap" ml="auto" style={{ flexShrink: 0 }}>
        {option.minStar !== null && <MinStarBadge star={option.minStar} />}
        <Badge color="ocop" variant="light" radius="sm" miw={64} data-points={option.points}>
          {t('criteria.points', { points: formatPoints(option.points) })}
        </Badge>
      </Group>
    </Group>
  );
}
