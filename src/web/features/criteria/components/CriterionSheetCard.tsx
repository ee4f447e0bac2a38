import { Badge, Card, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../../../lib/format.js';
import { criterionAnchor, OptionLine, optionsNoteText, RequirementNote, type Criterion } from '../../../components/score-sheet/index.js';
import { useLanguage } from '../../../lib/i18n/index.js';

/** A criterion of the readable sheet: its maximum, notes and every option with points and star marks. */
export function CriterionSheetCard({ criterion, order }: { criterion: Criterion; order: TitleOrder }) {
  const { t } = useTranslation();
  const optionsNote = optionsNoteText(criterion, useLanguage());
  return (
    <Card withBorder padding="md" id={criterionAnchor(criterion.code)} data-testid={`criterion-${criterion.code}`} className="criterion-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={order} fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            <Text span c="ocop.8" fw={700} inherit mr={6}>
              {criterion.code}
            </Text>
            {criterion.label}
          </Title>
          <Badge variant="outline" color="gray" radius="sm" style={{ flexShrink: 0 }}>
            {t('criteria.maxPoints', { points: formatPoints(criterion.maxPoints) })}
          </Badge>
        </Group>
        <RequirementNote note={criterion.requirementNote} />
        <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {criterion.options.map((option, index) => (
            <li key={index} style={{ borderTop: index === 0 ? undefined : '1px dashed var(--mantine-color-gray-3)', paddingTop: index === 0 ? 0 : 6 }}>
              <OptionLine option={option} showCase />
            </li>
          ))}
        </Stack>
        {optionsNote && (
          <Text size="xs" c="dimmed">
            {optionsNote}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
