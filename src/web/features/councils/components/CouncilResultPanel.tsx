import { Alert, Badge, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck, IconEyeOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { Stars } from '../../../components/Stars.js';
import { formatPoints } from '../../../lib/format.js';
import { PartsTable } from '../../../components/score-sheet/index.js';
import { useSessionResult, type SessionResult } from '../api/councils.js';

type Result = NonNullable<SessionResult['result']>;
type RoundProgress = NonNullable<SessionResult['progress']>;
type Quorum = RoundProgress['quorum'];

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

function StarFigure({ result }: { result: Result }) {
  const { t } = useTranslation();
  if (result.outcome === 'disqualified')
    return (
      <Badge color="red" size="lg" leftSection={<IconBan size={14} aria-hidden />}>
        {t('selfAssessment.result.disqualified')}
      </Badge>
    );
  if (result.star === null)
    return (
      <Badge color="gray" size="lg">
        {t('selfAssessment.result.notAchieved')}
      </Badge>
    );
  return <Stars count={result.star} size={20} testId="council-star" />;
}

function QuorumText({ quorum }: { quorum: Quorum }) {
  const { t } = useTranslation();
  const color = quorum.status === 'met' ? 'teal.8' : quorum.status === 'not-met' ? 'red.8' : 'dimmed';
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} c={color} data-testid="quorum" data-status={quorum.status}>
        {t(`councils.result.quorum.${quorum.status}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('councils.result.present', { present: quorum.present, size: quorum.councilSize ?? '—', required: quorum.required ?? '—' })}
        {quorum.chairPresent === false ? ` · ${t('councils.result.chairAbsent')}` : ''}
      </Text>
    </Stack>
  );
}

/**
 * Before the session closes, those who run it see how the round stands — sheets in, quorum, whether
 * the spread calls for re-scoring — but no total, mean or star: members score independently.
 */
function ProgressBody({ progress, submitted, round }: { progress: RoundProgress; submitted: number; round: number }) {
  const { t } = useTranslation();
  const size = progress.quorum.councilSize;
  return (
    <Stack
      gap="sm"
      data-testid="council-progress"
      data-rescore={progress.rescoreRequired ? 'yes' : 'no'}
      data-ready={progress.decisionReady ? 'yes' : 'no'}
      data-submitted={submitted}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Figure label={t('councils.progress.sheets', { round })}>
          <Text fz={24} fw={700} lh={1} data-testid="progress-count">
            {size ? t('councils.progress.count', { submitted, size }) : t('councils.progress.countNoSize', { submitted })}
          </Text>
          {size ? <Progress value={Math.min(100, (submitted / size) * 100)} size="sm" color="teal" aria-hidden /> : null}
        </Figure>
        <Figure label={t('councils.result.quorumTitle')}>
          <QuorumText quorum={progress.quorum} />
        </Figure>
      </SimpleGrid>
      {progress.rescoreRequired && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} p="sm" data-testid="rescore-required">
          {t('councils.progress.rescoreRequired')}
        </Alert>
      )}
      {!progress.rescoreRequired && progress.decisionReady && (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} p="sm" data-testid="progress-ready">
          {t('councils.progress.ready')}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        <IconEyeOff size={12} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {t('councils.progress.hidden')}
      </Text>
    </Stack>
  );
}

/** The council's result: mean of the members' totals, star, spread between sheets, quorum, parts. */
function ResultBody({ result, submitted, round, sessionOpen }: { result: Result; submitted: number; round: number; sessionOpen: boolean }) {
  const { t } = useTranslation();
  const totals = result.memberTotals ?? [];
  return (
    <Stack gap="sm" data-testid="council-result" data-rescore={result.rescoreRequired ? 'yes' : 'no'} data-ready={result.decisionReady ? 'yes' : 'no'}>
      <Text size="sm" c="dimmed">
        {t('councils.result.submitted', { count: submitted, round })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('councils.result.mean')}>
          <Text fz={28} fw={700} lh={1} c="ocop.9" data-testid="council-mean">
            {formatPoints(result.total)}
          </Text>
        </Figure>
        <Figure label={t('selfAssessment.result.star')}>
          <StarFigure result={result} />
          {result.outcome !== 'disqualified' && result.star !== result.bandStar && (
            <Text size="xs" c="dimmed">
              {t('councils.result.band', { count: result.bandStar })}
            </Text>
          )}
        </Figure>
        <Figure label={t('councils.result.spread')}>
          <Text fz={28} fw={700} lh={1} c={result.rescoreRequired ? 'red.8' : undefined} data-testid="council-spread">
            {formatPoints(result.spread ?? 0)}
          </Text>
        </Figure>
        <Figure label={t('councils.result.quorumTitle')}>{result.quorum ? <QuorumText quorum={result.quorum} /> : '—'}</Figure>
      </SimpleGrid>
      {totals.length > 0 && (
        <Text size="sm">
          <Text span fw={600} inherit>
            {t('councils.result.memberTotals')}:
          </Text>{' '}
          {totals.map((total) => formatPoints(total)).join(' · ')}
        </Text>
      )}
      {result.failedGates.length > 0 && (
        <Text size="sm" c="orange.9" data-testid="council-failed-gates">
          {t('councils.result.failedGates', { codes: [...new Set(result.failedGates.map((gate) => gate.criterion))].join(', ') })}
        </Text>
      )}
      {result.rescoreRequired && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} p="sm" data-testid="rescore-required">
          {t('councils.result.rescoreRequired')}
        </Alert>
      )}
      {!result.rescoreRequired && result.decisionReady && (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} p="sm">
          {t(sessionOpen ? 'councils.result.ready' : 'councils.result.recorded')}
        </Alert>
      )}
      {!sessionOpen && !result.decisionReady && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="sm">
          {t('councils.result.notRecorded')}
        </Alert>
      )}
      <PartsTable result={result} />
    </Stack>
  );
}

export function CouncilResultPanel({ sessionId, dossierId, sessionOpen }: { sessionId: string; dossierId: string; sessionOpen: boolean }) {
  const { t } = useTranslation();
  const result = useSessionResult(sessionId, dossierId, true);
  if (result.isPending) return <PageLoader />;
  if (result.isError) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  const { data } = result;
  if (data.progress && !data.result) return <ProgressBody progress={data.progress} submitted={data.submitted} round={data.scoringRound} />;
  if (!data.result)
    return (
      <Text size="sm" c="dimmed" data-testid="council-result-empty">
        {t('councils.result.none', { round: data.scoringRound })}
      </Text>
    );
  return <ResultBody result={data.result} submitted={data.submitted} round={data.scoringRound} sessionOpen={sessionOpen} />;
}
