import { Button, Card, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Stars } from '../Stars.js';
import { formatPoints } from '../../lib/format.js';
import type { AutosaveStatus } from './autosave.js';
import type { SheetProgress, SheetResult } from './types.js';
import { SaveIndicator } from './SaveIndicator.js';

const percent = (points: number, max: number) => (max > 0 ? (points / max) * 100 : 0);

type ScoreSummaryProps = {
  progress: SheetProgress;
  /** Once every criterion is answered: the awarded star, which a missed minimum can hold below the band. */
  result: SheetResult | null;
  /** Present while the sheet can be edited. */
  autosave: AutosaveStatus | null;
  onComplete: () => void;
  completing: boolean;
  /** The closing button's wording ("Hoàn thành" on a self-assessment, "Nộp phiếu" on a council sheet). */
  completeLabel?: string;
};

/** The running score beside the sheet on wide screens: total, band, parts, answered count. */
export function ScoreSummary({ progress, result, autosave, onComplete, completing, completeLabel }: ScoreSummaryProps) {
  const { t } = useTranslation();
  const title = t(autosave ? 'selfAssessment.summary.title' : 'selfAssessment.summary.finalTitle');
  return (
    <Card withBorder padding="md" data-testid="score-summary" aria-label={title} component="aside">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            {title}
          </Text>
          {autosave && <SaveIndicator autosave={autosave} />}
        </Group>
        <Group align="baseline" gap={6}>
          <Text fz={40} fw={700} lh={1} c="ocop.9" data-testid="running-total">
            {formatPoints(progress.total)}
          </Text>
          <Text c="dimmed">/ {formatPoints(progress.maxTotal)}</Text>
        </Group>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('selfAssessment.summary.band')}
          </Text>
          <Stars count={progress.bandStar} size={20} testId="band-star" />
        </Stack>
        {result && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('selfAssessment.summary.awarded')}
            </Text>
            {result.star === null ? <Text size="sm">{t('selfAssessment.result.notAchieved')}</Text> : <Stars count={result.star} size={20} />}
          </Stack>
        )}
        <Stack gap={6}>
          {progress.parts.map((part) => (
            <Stack key={part.code} gap={2}>
              <Group justify="space-between" gap="xs">
                <Text size="xs">{t('selfAssessment.summary.part', { code: part.code })}</Text>
                <Text size="xs" fw={600} data-testid={`part-${part.code}-points`}>
                  {formatPoints(part.points)}/{formatPoints(part.maxPoints)}
                </Text>
              </Group>
              <Progress value={percent(part.points, part.maxPoints)} size="sm" aria-hidden />
            </Stack>
          ))}
        </Stack>
        <Stack gap={2}>
          <Text size="xs" data-testid="answered">
            {t('selfAssessment.summary.answered', { answered: progress.answered, of: progress.of })}
          </Text>
          <Progress value={percent(progress.answered, progress.of)} size="sm" color={progress.answered === progress.of ? 'teal' : 'gray'} aria-hidden />
        </Stack>
        {autosave && (
          <Button fullWidth leftSection={<IconChecks size={16} aria-hidden />} onClick={onComplete} loading={completing}>
            {completeLabel ?? t('selfAssessment.actions.complete')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** The same score, compact, fixed at the bottom of a phone's screen; the awarded star once there is one. */
export function PhoneScoreBar({ progress, result, autosave }: Pick<ScoreSummaryProps, 'progress' | 'result' | 'autosave'>) {
  const { t } = useTranslation();
  const star = result ? (result.star ?? 0) : progress.bandStar;
  return (
    <Paper
      component="aside"
      aria-label={t('selfAssessment.summary.title')}
      data-testid="score-summary"
      className="print-hidden"
      shadow="md"
      px="md"
      py={8}
      radius={0}
      style={{
        position: 'fixed',
        left: 'var(--app-shell-navbar-offset, 0rem)',
        right: 0,
        bottom: 0,
        zIndex: 150,
        borderTop: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={4} align="baseline" wrap="nowrap">
          <Text fz="xl" fw={700} lh={1} c="ocop.9" data-testid="running-total">
            {formatPoints(progress.total)}
          </Text>
          <Text size="xs" c="dimmed">
            /{formatPoints(progress.maxTotal)}
          </Text>
        </Group>
        <Stars count={star} size={14} testId="band-star" />
        <Text
          size="xs"
          data-testid="answered"
          title={t('selfAssessment.summary.answered', { answered: progress.answered, of: progress.of })}
          style={{ whiteSpace: 'nowrap' }}
        >
          {progress.answered}/{progress.of}
        </Text>
        {autosave && <SaveIndicator autosave={autosave} />}
      </Group>
    </Paper>
  );
}
