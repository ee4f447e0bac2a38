import { Alert, Badge, Button, Divider, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconClipboardCheck, IconFileText, IconHistory, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDateTime } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { DossierStateBadge, isDossierState } from '../../dossiers/index.js';
import { useRescore, useSessionResult, type Session, type SessionDossier } from '../api/councils.js';
import { CouncilResultPanel } from './CouncilResultPanel.js';
import { DeclarationButton } from './DeclarationButton.js';
import { SheetsTable } from './SheetsTable.js';
import { summariseDeclarations } from './declaration-summary.js';

type Mine = NonNullable<SessionDossier['mine']>;

/** The member's own standing on the dossier: declare first, score, or why they do not score. */
function MyStanding({ session, dossier, mine }: { session: Session; dossier: SessionDossier; mine: Mine }) {
  const { t } = useTranslation();
  const sheetUrl = `/council-sessions/${session.id}/dossiers/${dossier.dossierId}/sheet`;
  const open = session.status === 'open';
  switch (mine.mayScore) {
    case 'not_voting':
      return (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} p="sm" data-testid="not-voting">
          {t('councils.mine.not_voting')}
        </Alert>
      );
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
            <Button
              component={Link}
              to={sheetUrl}
              leftSection={<IconClipboardCheck size={16} aria-hidden />}
              variant={mine.sheetStatus === 'submitted' ? 'light' : 'filled'}
            >
              {mine.sheetStatus === 'submitted' || !open ? t('councils.mine.view') : t('councils.mine.score')}
            </Button>
          )}
        </Group>
      );
  }
}

/**
 * The chair asks for re-scoring with a reason (kept in the minutes). The round the chair sees is sent:
 * a request already handled elsewhere is refused and the page shows the round as it now stands.
 */
function RescoreButton({ sessionId, dossier, required }: { sessionId: string; dossier: SessionDossier; required: boolean }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const rescore = useRescore(sessionId, dossier.dossierId);
  const [reason, setReason] = useState('');
  const submit = () =>
    rescore.mutate(
      { reason: reason.trim(), scoringRound: dossier.scoringRound },
      {
        onSuccess: () => {
          notifySuccess(t('councils.rescored'));
          setReason('');
          close();
        },
        onError: (error) => {
          reportMutationError(error);
          close();
        },
      },
    );
  return (
    <>
      <Button color="red" variant={required ? 'filled' : 'light'} leftSection={<IconRefresh size={16} aria-hidden />} onClick={open}>
        {t('councils.rescore')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('councils.rescoreDialog.title', { name: dossier.productName })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm" data-testid="rescore-dialog">
          <Text size="sm">{t('councils.rescoreDialog.text', { round: dossier.scoringRound, next: dossier.scoringRound + 1 })}</Text>
          <Textarea
            label={t('councils.rescoreDialog.reason')}
            placeholder={t('councils.rescoreDialog.reasonPlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={submit} disabled={reason.trim() === ''} loading={rescore.isPending}>
              {t('councils.rescore')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The re-scoring rounds asked so far, each with who asked, when and why. */
function Rescorings({ rescorings }: { rescorings: SessionDossier['rescorings'] }) {
  const { t } = useTranslation();
  if (rescorings.length === 0) return null;
  return (
    <Stack gap={4} data-testid="rescorings">
      <Group gap={6}>
        <IconHistory size={16} aria-hidden />
        <Text size="sm" fw={600}>
          {t('councils.rescorings.title')}
        </Text>
      </Group>
      <Stack component="ul" gap={4} m={0} pl="md">
        {rescorings.map((r) => (
          <Text component="li" key={r.scoringRound} size="sm" data-testid="rescoring" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} inherit>
              {t('councils.rescorings.round', { round: r.scoringRound })}
            </Text>{' '}
            <Text span c="dimmed" inherit>
              {t('councils.rescorings.by', { name: r.requestedName ?? r.requestedLabel, at: formatDateTime(r.requestedAt) })}
            </Text>
            {': '}
            {r.reason}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

type SessionDossierCardProps = {
  session: Session;
  dossier: SessionDossier;
  /** Chair, secretary or the office: they see declarations, who has submitted and the progress, and enter paper sheets. */
  runner: boolean;
  /** Only the chair (or the office) asks for re-scoring. */
  mayRescore: boolean;
  /** The council's scoring members, when known: the declaration summary counts against them. */
  votingMemberIds?: readonly string[] | undefined;
};

/**
 * One dossier of the sitting: the member's own part, then what those running the session see —
 * until it closes, who has submitted and whether the round is valid, never a score; once closed,
 * every member sees the result and every sheet's total.
 */
export function SessionDossierCard({ session, dossier, runner, mayRescore, votingMemberIds }: SessionDossierCardProps) {
  const { t } = useTranslation();
  const open = session.status === 'open';
  const showsResult = runner || !open;
  const result = useSessionResult(session.id, dossier.dossierId, showsResult);
  const declared = summariseDeclarations(dossier.declarations ?? [], votingMemberIds);
  const submitted = result.data?.submitted ?? 0;

  return (
    <SectionCard
      title={dossier.productName}
      action={
        <Group gap={6}>
          <Badge variant="outline" data-testid="scoring-round" data-round={dossier.scoringRound}>
            {t('councils.scoringRound', { round: dossier.scoringRound })}
          </Badge>
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
            {declared.total === null
              ? t('everyday.declared', { declared: declared.declared })
              : t('everyday.declaredOf', { declared: declared.declared, total: declared.total })}
            {'; '}
            {declared.conflicted > 0
              ? t('everyday.conflicted', { count: declared.conflicted, names: declared.conflictedNames.join(', ') })
              : t('everyday.noConflict')}
          </Text>
        )}
        <Rescorings rescorings={dossier.rescorings} />
        {dossier.sheets && (
          <>
            <Divider />
            <Title order={3} fz="sm">
              {t(open ? 'councils.sheets.title' : 'councils.sheets.titleClosed')}
            </Title>
            <SheetsTable sessionId={session.id} sheets={dossier.sheets} mayReopen={runner && open} closed={!open} />
          </>
        )}
        {runner && open && (
          <Group gap="sm">
            <Button
              component={Link}
              to={`/council-sessions/${session.id}/dossiers/${dossier.dossierId}/paper`}
              variant="default"
              leftSection={<IconFileText size={16} aria-hidden />}
            >
              {t('councils.paper.button')}
            </Button>
          </Group>
        )}
        {showsResult && (
          <>
            <Divider />
            <Group justify="space-between" gap="xs">
              <Title order={3} fz="sm">
                {t(open ? 'councils.progress.title' : 'councils.result.title')}
              </Title>
              {mayRescore && open && submitted > 0 && (
                <RescoreButton sessionId={session.id} dossier={dossier} required={result.data?.progress?.rescoreRequired ?? false} />
              )}
            </Group>
            <CouncilResultPanel sessionId={session.id} dossierId={dossier.dossierId} sessionOpen={open} />
          </>
        )}
        {!showsResult && (
          <Text size="sm" c="dimmed" data-testid="result-after-closing">
            {t('councils.progress.memberWaits')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
