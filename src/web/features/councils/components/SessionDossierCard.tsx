import { Alert, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClipboardCheck, IconFileText, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { DossierStateBadge, isDossierState } from '../../dossiers/index.js';
import { useRescore, useSessionResult, type Session, type SessionDossier } from '../api/councils.js';
import { CouncilResultPanel } from './CouncilResultPanel.js';
import { DeclarationButton } from './DeclarationButton.js';
import { SheetsTable } from './SheetsTable.js';

type Mine = NonNullable<SessionDossier['mine']>;

/** The member's own standing on the dossier: declare first, score, or why they do not score. */
function MyStanding({ session, dossier, mine }: { session: Session; dossier: SessionDossier; mine: Mine }) {
  const { t } = useTranslation();
  const sheetUrl = `/council-sessions/${session.id}/dossiers/${dossier.dossierId}/sheet`;
  const open = session.status === 'open';
  switch (mine.mayScore) {
    case 'declare_first':
      return open ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('councils.mine.declareFirst')}</Text>
          <DeclarationButton sessionId={session.id} dossierId={dossier.dossierId} productName={dossier.productName} />
        </Stack>
      ) : null;
    case 'conflicted':
    case 'own_organisation':
      return (
        <Alert color="gray" icon={<IconAlertTriangle aria-hidden />} p="sm" data-testid="may-not-score">
          {t(`councils.mine.${mine.mayScore}`)}
        </Alert>
      );
    case 'yes':
      return (
        <Group gap="sm">
          <Badge color={mine.sheetStatus === 'submitted' ? 'teal' : mine.sheetStatus === 'draft' ? 'orange' : 'gray'} data-testid="my-sheet-status">
            {t(`councils.mine.sheet.${mine.sheetStatus}`)}
          </Badge>
          {(open || mine.sheetStatus !== 'none') && (
            <Button component={Link} to={sheetUrl} leftSection={<IconClipboardCheck size={16} aria-hidden />} variant={mine.sheetStatus === 'submitted' ? 'light' : 'filled'}>
              {mine.sheetStatus === 'submitted' || !open ? t('councils.mine.view') : t('councils.mine.score')}
            </Button>
          )}
        </Group>
      );
  }
}

function RescoreButton({ sessionId, dossierId }: { sessionId: string; dossierId: string }) {
  const { t } = useTranslation();
  const rescore = useRescore(sessionId, dossierId);
  return (
    <Button
      color="red"
      variant="light"
      leftSection={<IconRefresh size={16} aria-hidden />}
      loading={rescore.isPending}
      onClick={() => rescore.mutate(undefined, { onSuccess: () => notifySuccess(t('councils.rescored')), onError: (error) => reportMutationError(error) })}
    >
      {t('councils.rescore')}
    </Button>
  );
}

type SessionDossierCardProps = {
  session: Session;
  dossier: SessionDossier;
  /** Chair, secretary or the office: they see declarations, every sheet and the result, and enter paper sheets. */
  runner: boolean;
  /** Only the chair (or the office) asks for re-scoring. */
  mayRescore: boolean;
};

/** One dossier of the sitting: the member's own part, then what those running the session see. */
export function SessionDossierCard({ session, dossier, runner, mayRescore }: SessionDossierCardProps) {
  const { t } = useTranslation();
  const open = session.status === 'open';
  const submitted = dossier.sheets?.filter((sheet) => sheet.status === 'submitted').length ?? 0;
  // At a meeting the quorum counts attendance, which cannot be below the sheets handed in (the server refuses to aggregate).
  const attendanceShort = session.mode === 'meeting' && submitted > session.attendance.length;
  const showsResult = runner || !open;
  const result = useSessionResult(session.id, dossier.dossierId, showsResult && !attendanceShort);
  const conflicts = (dossier.declarations ?? []).filter((d) => d.hasConflict);

  return (
    <SectionCard
      title={dossier.productName}
      action={
        <Group gap={6}>
          <Badge variant="outline">{t('councils.scoringRound', { round: dossier.scoringRound })}</Badge>
          {isDossierState(dossier.state) && <DossierStateBadge state={dossier.state} />}
        </Group>
      }
      data-testid="session-dossier"
      data-dossier-id={dossier.dossierId}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {dossier.subjectName} · <span className="ocop-code">{dossier.ocopCode}</span> · {t('councils.setNumber', { set: dossier.setNumber })}
        </Text>
        {dossier.mine && <MyStanding session={session} dossier={dossier} mine={dossier.mine} />}
        {dossier.declarations && (
          <Text size="sm" data-testid="declarations">
            {t('councils.declarations', { count: dossier.declarations.length })}
            {conflicts.length > 0 && ` · ${t('councils.conflicts', { names: conflicts.map((d) => d.memberName).join(', ') })}`}
          </Text>
        )}
        {dossier.sheets && (
          <>
            <Divider />
            <Title order={3} fz="sm">
              {t('councils.sheets.title')}
            </Title>
            <SheetsTable sessionId={session.id} sheets={dossier.sheets} mayReopen={runner && open} />
          </>
        )}
        {runner && open && (
          <Group gap="sm">
            <Button component={Link} to={`/council-sessions/${session.id}/dossiers/${dossier.dossierId}/paper`} variant="default" leftSection={<IconFileText size={16} aria-hidden />}>
              {t('councils.paper.button')}
            </Button>
          </Group>
        )}
        {showsResult && (
          <>
            <Divider />
            <Group justify="space-between" gap="xs">
              <Title order={3} fz="sm">
                {t('councils.result.title')}
              </Title>
              {mayRescore && open && result.data?.result?.rescoreRequired && <RescoreButton sessionId={session.id} dossierId={dossier.dossierId} />}
            </Group>
            {attendanceShort ? (
              <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="sm" data-testid="attendance-short">
                {t('councils.result.attendanceShort', { present: session.attendance.length, sheets: submitted })}
              </Alert>
            ) : (
              <CouncilResultPanel sessionId={session.id} dossierId={dossier.dossierId} sessionOpen={open} />
            )}
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
