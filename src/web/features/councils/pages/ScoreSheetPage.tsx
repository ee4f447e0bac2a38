import { Alert, Button, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { isApiError } from '../../../lib/api/client.js';
import type { CriteriaSetDetail } from '../../../components/score-sheet/index.js';
import { useCriteriaSet } from '../../criteria/index.js';
import { QuestionsPanel } from '../../dossiers/index.js';
import { useSession } from '../api/councils.js';
import { useMySheet, type Sheet } from '../api/sheets.js';
import { CouncilSheet } from '../components/CouncilSheet.js';
import { useSheetContext } from '../components/SheetContext.js';

/** Why a member may not open their sheet (declare first, a conflict, their own organisation), in the server's words. */
function NotScoring({ error, back }: { error: unknown; back: string }) {
  const { t } = useTranslation();
  if (!isApiError(error) || error.status !== 403) return <QueryError error={error} />;
  return (
    <Alert color="orange" icon={<IconLock aria-hidden />} title={t('councils.sheet.mayNotScore')} role="alert" data-testid="may-not-score">
      <Stack gap="xs" align="flex-start">
        {error.message}
        <Button component={Link} to={back} size="xs" variant="white" color="orange">
          {t('councils.sheet.backToSession')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The sheet with what the member weighs beside it: the producer's self-assessment and the site visits. */
function SheetWithContext({ sheet, criteria, sessionOpen, heldOn }: { sheet: Sheet; criteria: CriteriaSetDetail; sessionOpen: boolean; heldOn: string }) {
  const { header, extras } = useSheetContext(sheet);
  return (
    <CouncilSheet
      key={`${sheet.id}-${sheet.status}`}
      sheet={sheet}
      criteria={criteria}
      sessionOpen={sessionOpen}
      heldOn={heldOn}
      header={header}
      extras={extras}
      footer={
        <QuestionsPanel
          dossierId={sheet.dossierId}
          legalBasis={sheet.legalBasis}
          setNumber={sheet.setNumber}
          mayAsk
          mayAnswer={false}
          underReview={sessionOpen}
        />
      }
    />
  );
}

export function ScoreSheetPage() {
  const { id = '', dossierId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession(id);
  const sheet = useMySheet(id, dossierId);
  const criteria = useCriteriaSet(sheet.data?.versionSlug ?? '', sheet.data?.setNumber ?? '', sheet.isSuccess);
  const dossier = session.data?.dossiers.find((d) => d.dossierId === dossierId);
  const back = `/council-sessions/${id}`;
  const header = (
    <PageHeader
      breadcrumbs={[
        { to: '/councils', label: t('councils.title') },
        { to: back, label: session.data?.title ?? t('councils.title') },
        { label: t('home.crumbs.sheet') },
      ]}
      title={t('councils.sheet.title', { name: dossier?.productName ?? '' })}
      description={dossier ? `${dossier.subjectName} · ${t('councils.scoringRound', { round: dossier.scoringRound })}` : undefined}
    />
  );

  if (sheet.isError)
    return (
      <>
        {header}
        <NotScoring error={sheet.error} back={back} />
      </>
    );
  const failed = session.isError ? session : criteria.isError ? criteria : null;
  if (failed)
    return (
      <>
        {header}
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      </>
    );
  if (!sheet.data || !criteria.data || !session.data) return <PageLoader />;
  return (
    <>
      {header}
      <SheetWithContext sheet={sheet.data} criteria={criteria.data} sessionOpen={session.data.status === 'open'} heldOn={session.data.heldOn} />
    </>
  );
}
