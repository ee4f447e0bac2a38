import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconChecks, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { criteriaOfSet, useCriteriaSet, useCriteriaVersions, type CriteriaSetDetail } from '../../criteria/index.js';
import { criterionErrors, withChoice } from '../../self-assessments/index.js';
import { useCouncils, useSession, type Council, type Session, type SessionDossier } from '../api/councils.js';
import { usePaperSheet } from '../api/sheets.js';
import { toSheetChoices, type CouncilDraft } from '../components/council-sheet-draft.js';
import { useCouncilLabels } from '../components/labels.js';
import { SheetCriteria } from '../components/SheetCriteria.js';

const EMPTY: CouncilDraft = { choices: {}, case: null, disqualified: false, disqualifiedReason: '' };

/**
 * Members who may have a paper sheet entered: they declared no conflict in the system (the server
 * checks the same) and have not submitted in this round.
 */
function useMemberOptions(council: Council, dossier: SessionDossier) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  return council.members.map((member) => {
    const declaration = dossier.declarations?.find((d) => d.memberId === member.id);
    const submitted = dossier.sheets?.some((s) => s.memberId === member.id && s.status === 'submitted');
    const why = submitted ? t('councils.paper.alreadySubmitted') : !declaration ? t('councils.paper.notDeclared') : declaration.hasConflict ? t('councils.paper.conflicted') : null;
    return { value: member.id, label: `${member.fullName} — ${labels.position(member.position)}${why ? ` (${why})` : ''}`, disabled: why !== null };
  });
}

function PaperSheetForm({ session, dossier, council, criteria }: { session: Session; dossier: SessionDossier; council: Council; criteria: CriteriaSetDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paper = usePaperSheet(session.id, dossier.dossierId);
  const options = useMemberOptions(council, dossier);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CouncilDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const total = useMemo(() => criteriaOfSet(criteria.set).length, [criteria]);
  const onChoose = useCallback((code: string, index: number) => setDraft((d) => withChoice(d, code, index)), []);

  const submit = async () => {
    if (!memberId) return;
    try {
      await paper.mutateAsync({ memberId, ...toSheetChoices(draft) });
      notifySuccess(t('councils.paper.done'));
      await navigate(`/council-sessions/${session.id}`);
    } catch (error) {
      setErrors(criterionErrors(error));
      reportMutationError(error);
    }
  };

  return (
    <Stack gap="lg">
      <SectionCard>
        <Stack gap="sm">
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />} p="sm">
            {t('councils.paper.hint')}
          </Alert>
          <Select label={t('councils.paper.member')} placeholder={t('select.choose')} required data={options} value={memberId} onChange={setMemberId} />
        </Stack>
      </SectionCard>
      <SheetCriteria criteria={criteria} draft={draft} editable errors={errors} onChoose={onChoose} onChange={setDraft} />
      <Group justify="space-between">
        <Text size="sm" data-testid="answered">
          {t('selfAssessment.summary.answered', { answered: Object.keys(draft.choices).length, of: total })}
        </Text>
        <Button size="md" leftSection={<IconChecks size={18} aria-hidden />} disabled={!memberId} loading={paper.isPending} onClick={() => void submit()}>
          {t('councils.paper.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The secretary types in a member's paper sheet; it is submitted at once and marked as paper. */
export function PaperSheetPage() {
  const { id = '', dossierId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession(id);
  const councils = useCouncils();
  const versions = useCriteriaVersions();
  const dossier = session.data?.dossiers.find((d) => d.dossierId === dossierId);
  // Sessions do not say which criteria version a dossier was filed under; dossiers use the version in force.
  const version = versions.data?.find((v) => v.inForce);
  const criteria = useCriteriaSet(version?.slug ?? '', dossier?.setNumber ?? '', Boolean(version && dossier));
  const council = councils.data?.find((c) => c.id === session.data?.councilId);

  const header = <PageHeader back={{ to: `/council-sessions/${id}`, label: session.data?.title ?? t('councils.title') }} title={t('councils.paper.title', { name: dossier?.productName ?? '' })} />;
  const failed = [session, councils, versions, criteria].find((q) => q.isError);
  if (failed) return <>{header}<QueryError error={failed.error} onRetry={() => void failed.refetch()} /></>;
  if (!session.data || !council || !dossier || !criteria.data) return <>{header}<PageLoader /></>;
  return (
    <>
      {header}
      <PaperSheetForm session={session.data} dossier={dossier} council={council} criteria={criteria.data} />
    </>
  );
}
