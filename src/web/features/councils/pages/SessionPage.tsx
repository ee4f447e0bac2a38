import { Alert, Badge, Button, Grid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarTime, IconDownload, IconEyeOff, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { runsCouncils } from '../../../../domain/policies/index.js';
import { mayRunSession } from '../../../../domain/evaluation/council-rules.js';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { minutesUrl, useCloseSession, useCouncils, useSession, type Council, type Session } from '../api/councils.js';
import { AttendanceCard } from '../components/AttendanceCard.js';
import { useCouncilLabels } from '../components/labels.js';
import { SessionDossierCard } from '../components/SessionDossierCard.js';

function CloseSessionButton({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const closeSession = useCloseSession(session.id);
  return (
    <>
      <Button color="red" leftSection={<IconLock size={16} aria-hidden />} onClick={open}>
        {t('councils.close')}
      </Button>
      <ConfirmDeleteDialog
        opened={opened}
        onClose={close}
        title={t('councils.closeTitle')}
        body={t('councils.closeBody')}
        confirmLabel={t('councils.close')}
        onConfirm={() =>
          closeSession.mutateAsync(undefined, { onSuccess: () => notifySuccess(t('councils.closed')), onError: (error) => reportMutationError(error) })
        }
      />
    </>
  );
}

function SessionView({ session, council }: { session: Session; council: Council | undefined }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const isOffice = runsCouncils(useActor());
  const runner = mayRunSession(session.myPosition, isOffice);
  const open = session.status === 'open';
  // Sheets are submitted and the session closed from its day on (the server refuses before).
  const beforeDay = open && todayInVietnam() < session.heldOn;
  const details = [
    session.councilName,
    formatDate(session.heldOn),
    labels.mode(session.mode),
    ...(session.writtenDeadline ? [t('councils.session.deadlineValue', { date: formatDate(session.writtenDeadline) })] : []),
    ...(session.closedOn ? [t('councils.session.closedOnValue', { date: formatDate(session.closedOn) })] : []),
  ];

  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: '/councils', label: t('councils.title') }, { label: session.title }]}
        title={session.title}
        description={details.join(' · ')}
        actions={
          <>
            <Badge size="lg" color={open ? 'blue' : 'gray'} data-testid="session-status" data-status={session.status}>
              {t(`councils.sessionStatuses.${session.status}`)}
            </Badge>
            {session.level === 'ministry' && (
              <Badge size="lg" color="grape" variant="light" data-testid="session-level">
                {labels.level('ministry')}
              </Badge>
            )}
            {session.myPosition && (
              <Badge size="lg" variant="outline">
                {labels.position(session.myPosition)}
              </Badge>
            )}
            {/* The minutes record every member's totals: drawn up once the session is closed. */}
            {runner && !open && (
              <Button component="a" href={minutesUrl(session.id)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                {t('councils.minutes')}
              </Button>
            )}
            {runner && open && <CloseSessionButton session={session} />}
          </>
        }
      />
      <Stack gap="md" mb="md">
        {beforeDay && (
          <Alert color="blue" icon={<IconCalendarTime aria-hidden />} p="sm" data-testid="session-not-held">
            {t('councils.session.notHeldYet', { date: formatDate(session.heldOn) })}
          </Alert>
        )}
        {open && (
          <Alert color="gray" icon={<IconEyeOff aria-hidden />} p="sm" data-testid="independence-notice">
            {t(runner ? 'councils.session.independenceRunner' : 'councils.session.independenceMember')}
          </Alert>
        )}
      </Stack>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: runner && council && session.mode === 'meeting' ? 8 : 12 }}>
          <Stack gap="md">
            {session.dossiers.map((dossier) => (
              <SessionDossierCard
                key={dossier.dossierId}
                session={session}
                dossier={dossier}
                runner={runner}
                mayRescore={isOffice || session.myPosition === 'chair'}
                votingMemberIds={council?.members.filter((m) => m.voting).map((m) => m.id)}
              />
            ))}
          </Stack>
        </Grid.Col>
        {runner && council && session.mode === 'meeting' && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <AttendanceCard key={session.attendance.join()} session={session} council={council} editable={open} />
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}

/** A council sitting, for everyone on it: their own part per dossier; attendance, sheets, results and closing for those who run it. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession(id);
  const councils = useCouncils();
  if (session.isPending) return <PageLoader />;
  if (session.isError)
    return (
      <>
        <PageHeader title={t('councils.title')} back={{ to: '/councils', label: t('councils.title') }} />
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </>
    );
  return <SessionView session={session.data} council={councils.data?.find((c) => c.id === session.data.councilId)} />;
}
