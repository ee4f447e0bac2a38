import { Button, Grid, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isOcopOffice, partiesOf } from '../../../../domain/policies/index.js';
import { isAtMinistry, isUnderReview } from '../../../../domain/evaluation/dossier-workflow.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useActor } from '../../../lib/session.js';
import { useDossier, useDossierFiling, type Dossier } from '../api/dossiers.js';
import { CommuneAssessmentCard } from '../components/CommuneAssessmentCard.js';
import { DossierChecklist } from '../components/DossierChecklist.js';
import { DossierDocuments } from '../components/DossierDocuments.js';
import { FilingCard } from '../components/FilingCard.js';
import { DossierHistory } from '../components/DossierHistory.js';
import { DossierProgress } from '../components/DossierProgress.js';
import { DossierSessions } from '../components/DossierSessions.js';
import { DossierBadges } from '../components/DossierStateBadge.js';
import { DossierSummary, RegistrationCard } from '../components/DossierSummary.js';
import { useDossierLabels } from '../components/labels.js';
import { QuestionsPanel } from '../components/QuestionsPanel.js';
import { SiteVisitsPanel } from '../components/SiteVisits.js';
import { StepActions } from '../components/StepActions.js';
import './dossier-print.css';

function DossierDetail({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const actor = useActor();
  const parties = partiesOf(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode });
  const isOffice = parties.includes('province_admin');
  // The office that reviews the dossier now: the province's, or the ministry's at its stage (Art. 7.4).
  const isReviewer = parties.includes(isAtMinistry(dossier.state) ? 'ministry_admin' : 'province_admin');
  // Mẫu 01 as filed once the dossier is filed (the draft's otherwise).
  const filing = useDossierFiling(dossier.id);

  return (
    <div className="dossier-page">
      <PageHeader
        breadcrumbs={[{ to: '/dossiers', label: t('dossiers.title') }, { label: dossier.productName }]}
        title={t('dossiers.detailTitle', { name: dossier.productName })}
        description={`${labels.kind(dossier.kind)} · ${dossier.subjectName}`}
        actions={
          <>
            <DossierBadges state={dossier.state} overdue={dossier.communeOverdue} />
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPrinter size={14} aria-hidden />}
              onClick={() => window.print()}
              className="print-hidden"
              aria-label={t('dossierWork.print.label')}
            >
              {t('dossierWork.print.button')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <DossierProgress state={dossier.state} wentToMinistry={dossier.centralScore !== null || dossier.forwarding !== null} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <StepActions dossier={dossier} />
              <DossierSummary dossier={dossier} />
              <FilingCard dossierId={dossier.id} />
              {dossier.communeAssessment && <CommuneAssessmentCard assessment={dossier.communeAssessment} />}
              <RegistrationCard registration={filing.data?.registration ?? dossier.registration} />
              <DossierChecklist dossierId={dossier.id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <DossierDocuments dossier={dossier} filed={!!filing.data} isOffice={isOffice} />
              <QuestionsPanel
                dossierId={dossier.id}
                legalBasis={dossier.legalBasis}
                setNumber={dossier.setNumber}
                mayAsk={isReviewer}
                mayAnswer={parties.includes('producer') || parties.includes('commune_officer')}
                underReview={isUnderReview(dossier.state)}
              />
              <SiteVisitsPanel
                dossierId={dossier.id}
                legalBasis={dossier.legalBasis}
                setNumber={dossier.setNumber}
                mayRecord={isOcopOffice(actor) && isReviewer && isUnderReview(dossier.state)}
              />
              {isOffice && <DossierSessions dossierId={dossier.id} />}
              <DossierHistory dossierId={dossier.id} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </div>
  );
}

export function DossierDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const dossier = useDossier(id);
  if (dossier.isPending) return <PageLoader />;
  if (dossier.isError)
    return (
      <>
        <PageHeader title={t('dossiers.title')} back={{ to: '/dossiers', label: t('dossiers.title') }} />
        <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />
      </>
    );
  return <DossierDetail dossier={dossier.data} />;
}
