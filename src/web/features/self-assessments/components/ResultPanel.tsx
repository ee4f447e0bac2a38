import { Alert, Anchor, Badge, Box, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconRosetteDiscountCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatPoints } from '../../../lib/format.js';
import { MinStarBadge, PartsTable, scrollToCriterion } from '../../../components/score-sheet/index.js';
import type { SheetResult } from '../api/self-assessments.js';
import { RESULT_PANEL_ID } from './scroll.js';

type NextStar = NonNullable<SheetResult['next']>;
type OptionRef = { label: string; points: number };

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={500}>
          {label}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

function CriterionLink({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
      <Anchor
        component="button"
        type="button"
        fw={700}
        onClick={() => scrollToCriterion(code)}
        aria-label={t('selfAssessment.missing.goTo', { code, label })}
        mr={6}
      >
        {code}
      </Anchor>
      {label}
    </Text>
  );
}

function OptionText({ option }: { option: OptionRef | null }) {
  const { t } = useTranslation();
  if (!option) return <>—</>;
  return (
    <>
      {option.label}{' '}
      <Text span fw={600} inherit style={{ whiteSpace: 'nowrap' }}>
        ({t('criteria.points', { points: formatPoints(option.points) })})
      </Text>
    </>
  );
}

function AwardedStar({ result }: { result: SheetResult }) {
  const { t } = useTranslation();
  if (result.outcome === 'disqualified')
    return (
      <Badge color="red" size="lg" leftSection={<IconBan size={14} aria-hidden />} data-testid="result-star" data-stars="">
        {t('selfAssessment.result.disqualified')}
      </Badge>
    );
  if (result.star === null)
    return (
      <Badge color="gray" size="lg" data-testid="result-star" data-stars="">
        {t('selfAssessment.result.notAchieved')}
      </Badge>
    );
  return (
    <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
      <Stars count={result.star} size={22} testId="result-star" />
      <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
        {t('stars.count', { count: result.star })}
      </Text>
    </Group>
  );
}

function Recognition({ result }: { result: SheetResult }) {
  const { t } = useTranslation();
  if (!result.certifiable || !result.recognisingLevel)
    return (
      <Text size="sm" c="dimmed" data-testid="recognition">
        {t('selfAssessment.result.notCertifiable')}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="recognition">
      <IconRosetteDiscountCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" fw={500}>
        {t(`selfAssessment.result.recognisedBy.${result.recognisingLevel}`)}
      </Text>
    </Group>
  );
}

function FailedGates({ gates }: { gates: SheetResult['failedGates'] }) {
  const { t } = useTranslation();
  if (gates.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="failed-gates">
      <Title order={3} fz="sm" c="red.8">
        {t('selfAssessment.result.failedGates')}
      </Title>
      {gates.map((gate) => (
        <Paper
          key={`${gate.star}-${gate.criterion}`}
          withBorder
          p="sm"
          radius="md"
          data-testid="failed-gate"
          style={{ borderLeft: '4px solid var(--mantine-color-red-5)' }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <MinStarBadge star={gate.star} />
            <CriterionLink code={gate.criterion} label={gate.criterionLabel} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
            <Text size="xs">
              <Text span fw={600} inherit>
                {t('selfAssessment.result.required')}:
              </Text>{' '}
              <OptionText option={gate.required} />
            </Text>
            <Text size="xs">
              <Text span fw={600} inherit>
                {t('selfAssessment.result.chosen')}:
              </Text>{' '}
              <OptionText option={gate.chosen} />
            </Text>
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

function NextStarPlan({ next }: { next: NextStar }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="next-star">
      <Title order={3} fz="sm">
        {t('selfAssessment.result.next.title', { count: next.targetStar })}
      </Title>
      <Text size="sm">
        {next.pointsMissing > 0
          ? t('selfAssessment.result.next.pointsMissing', { points: formatPoints(next.pointsMissing), min: formatPoints(next.bandMin) })
          : t('selfAssessment.result.next.pointsEnough', { min: formatPoints(next.bandMin) })}
      </Text>
      {next.gates.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('selfAssessment.result.next.gates')}
          </Text>
          {next.gates.map((gate) => (
            <Paper key={`${gate.star}-${gate.criterion}`} withBorder p="sm" radius="md">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <MinStarBadge star={gate.star} />
                <CriterionLink code={gate.criterion} label={gate.criterionLabel} />
              </Group>
              <Text size="xs" c="dimmed" mt={6}>
                {t('selfAssessment.result.next.closing')}
              </Text>
              <List size="xs" spacing={2}>
                {gate.closingOptions.map((option) => (
                  <List.Item key={option.index}>
                    <OptionText option={option} />{' '}
                    <Badge size="xs" color="teal" variant="light">
                      {t('selfAssessment.result.next.gain', { points: formatPoints(option.gain) })}
                    </Badge>
                  </List.Item>
                ))}
              </List>
            </Paper>
          ))}
        </Stack>
      )}
      {next.pointGains.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('selfAssessment.result.next.gains')}
          </Text>
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {next.pointGains.map((gain) => (
              <Paper key={gain.criterion} component="li" withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <CriterionLink code={gain.criterion} label={gain.criterionLabel} />
                  <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
                    {t('selfAssessment.result.next.gain', { points: formatPoints(gain.gain) })}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('selfAssessment.result.next.best', { points: formatPoints(gain.currentPoints) })} <OptionText option={gain.best} />
                </Text>
              </Paper>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

type ResultPanelProps = { result: SheetResult; /** The sheet is still a draft: the result may change. */ provisional: boolean };

/** The engine's verdict on a fully answered sheet: total, star, recognition, missed minimums, next star. */
export function ResultPanel({ result, provisional }: ResultPanelProps) {
  const { t } = useTranslation();
  const capped = result.outcome === 'ranked' && result.star !== null && result.star < result.bandStar;
  return (
    <Box id={RESULT_PANEL_ID} style={{ scrollMarginTop: 76 }} data-testid="result-panel">
      <SectionCard
        title={t(provisional ? 'selfAssessment.result.provisionalTitle' : 'selfAssessment.result.title')}
        style={provisional ? undefined : { borderColor: 'var(--mantine-color-ocop-4)' }}
      >
        <Stack gap="lg">
          {provisional && (
            <Text size="sm" c="dimmed">
              {t('selfAssessment.result.provisionalHint')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Figure label={t('selfAssessment.result.total')}>
              <Group gap={4} align="baseline">
                <Text fz={34} fw={700} lh={1} c="ocop.9" data-testid="result-total">
                  {formatPoints(result.total)}
                </Text>
                <Text c="dimmed">/ {formatPoints(result.maxTotal)}</Text>
              </Group>
            </Figure>
            <Figure label={t('selfAssessment.result.star')}>
              <AwardedStar result={result} />
            </Figure>
            <Figure label={t('selfAssessment.result.recognition')}>
              <Recognition result={result} />
            </Figure>
          </SimpleGrid>
          {capped && (
            <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} p="sm">
              {t('selfAssessment.result.capped', { band: result.bandStar, star: result.star })}
            </Alert>
          )}
          {result.outcome === 'not-achieved' && (
            <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} p="sm">
              {t('selfAssessment.result.notAchievedHint', { band: result.bandStar })}
            </Alert>
          )}
          {result.disqualified && result.disqualificationReasons.length > 0 && (
            <Alert color="red" icon={<IconBan aria-hidden />} p="sm">
              <List size="sm">
                {result.disqualificationReasons.map((reason, i) => (
                  <List.Item key={i}>{reason}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <PartsTable result={result} />
          <FailedGates gates={result.failedGates} />
          {result.next ? (
            <NextStarPlan next={result.next} />
          ) : (
            result.star === 5 && (
              <Text size="sm" c="teal.8">
                {t('selfAssessment.result.top')}
              </Text>
            )
          )}
        </Stack>
      </SectionCard>
    </Box>
  );
}
