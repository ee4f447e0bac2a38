import { Badge, Card, Group, Radio, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Fragment, memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../../lib/format.js';
import { criterionAnchor, hasCases, noteLines, optionAppliesToCase, type CaseKey, type Criterion } from './criteria-tree.js';
import { OptionLine } from './OptionLine.js';

export type CriterionChoiceCardProps = {
  criterion: Criterion;
  order: TitleOrder;
  choice: number | undefined;
  caseKey: CaseKey | null;
  editable: boolean;
  /** The server's message when this criterion stops the sheet from being saved or completed. */
  error: string | undefined;
  onChoose: (code: string, optionIndex: number) => void;
  /** What the sheet adds under the options (a self-assessment's note and evidence). */
  children?: ReactNode;
};

function CriterionHeading({ criterion, order }: { criterion: Criterion; order: TitleOrder }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The requirement note as the radio group's description (a <p>, so lines are joined with breaks). */
function noteDescription(note: string | null) {
  const lines = noteLines(note);
  if (lines.length === 0) return undefined;
  return lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {line}
    </Fragment>
  ));
}

function CriterionOptions({ criterion, caseKey, editable }: Pick<CriterionChoiceCardProps, 'criterion' | 'caseKey' | 'editable'>) {
  const { t } = useTranslation();
  // The sheet asks for its case first (CaseSelector): until it is chosen, a criterion whose options depend on it offers none.
  const awaitingCase = caseKey === null && hasCases(criterion);
  const options = awaitingCase
    ? []
    : criterion.options.map((option, index) => ({ option, index })).filter(({ option }) => optionAppliesToCase(option, caseKey));
  if (options.length === 0 && hasCases(criterion))
    return (
      <Group gap={6} c="grape.8" mt="xs">
        <IconInfoCircle size={16} aria-hidden />
        <Text size="sm">{t('selfAssessment.case.chooseFirst')}</Text>
      </Group>
    );
  return (
    <Stack gap={6} mt="xs">
      {options.map(({ option, index }) => (
        <Radio.Card key={index} value={String(index)} radius="md" px="sm" py={8} withBorder className="option-card" mod={{ readonly: !editable }}>
          <Group wrap="nowrap" align="flex-start" gap="sm">
            <Radio.Indicator mt={2} />
            <OptionLine option={option} />
          </Group>
        </Radio.Card>
      ))}
    </Stack>
  );
}

/**
 * One criterion of a score sheet: its options as a radio group, with points and minimum-star marks
 * beside each, and the requirement note. Self-assessments and council members' sheets share it.
 */
export const CriterionChoiceCard = memo(function CriterionChoiceCard({
  criterion,
  order,
  choice,
  caseKey,
  editable,
  error,
  onChoose,
  children,
}: CriterionChoiceCardProps) {
  return (
    <Card
      withBorder
      padding="md"
      id={criterionAnchor(criterion.code)}
      data-testid={`criterion-${criterion.code}`}
      data-answered={choice !== undefined}
      className="criterion-card"
      mod={{ invalid: Boolean(error) }}
    >
      <Stack gap="sm">
        <Radio.Group
          value={choice === undefined ? null : String(choice)}
          onChange={(value) => onChoose(criterion.code, Number(value))}
          readOnly={!editable}
          label={<CriterionHeading criterion={criterion} order={order} />}
          labelProps={{ w: '100%' }}
          description={noteDescription(criterion.requirementNote)}
          descriptionProps={{ fs: 'italic', c: 'dark.4', mt: 4 }}
          error={error}
        >
          <CriterionOptions criterion={criterion} caseKey={caseKey} editable={editable} />
        </Radio.Group>
        {children}
      </Stack>
    </Card>
  );
});
