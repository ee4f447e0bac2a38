import { Alert, Button, Checkbox, FileInput, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarTime, IconChecks, IconInfoCircle, IconLock, IconScan } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { isApiError } from '../../../lib/api/client.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { criteriaOfSet, criterionErrors, withChoice, type CriteriaSetDetail } from '../../../components/score-sheet/index.js';
import { useCriteriaSet } from '../../criteria/index.js';
import { useCouncils, useSession, type Council, type Session, type SessionDossier } from '../api/councils.js';
import { usePaperSheet } from '../api/sheets.js';
import { toSheetChoices, type CouncilDraft } from '../components/council-sheet-draft.js';
import { useCouncilLabels } from '../components/labels.js';
import { SheetCriteria } from '../components/SheetCriteria.js';

const EMPTY: CouncilDraft = { choices: {}, case: null, disqualified: false, disqualifiedReason: '' };
/** What the server accepts as a scan (it checks the content too). */
const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp';

/**
 * Members whose paper sheet may be entered: those who score, have not submitted in this round and
 * declared no conflict. One who has not declared on the platform may have declared on paper: the
 * secretary records that declaration with the sheet.
 */
function useMemberOptions(council: Council, dossier: SessionDossier) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  return council.members.map((member) => {
    const declaration = dossier.declarations?.find((d) => d.memberId === member.id);
    const submitted = dossier.sheets?.some((s) => s.memberId === member.id && s.status === 'submitted');
    const why = !member.voting
      ? t('councils.paper.notVoting')
      : submitted
        ? t('councils.paper.alreadySubmitted')
        : declaration?.hasConflict
          ? t('councils.paper.conflicted')
          : null;
    const note = why ?? (declaration ? null : t('councils.paper.notDeclared'));
    return {
      value: member.id,
      label: `${member.fullName} — ${labels.position(member.position)}${note ? ` (${note})` : ''}`,
      disabled: why !== null,
      declared: declaration !== undefined,
    };
  });
}

type PaperErrors = Record<string, string> & { memberId?: string; scan?: string; declaration?: string };

function PaperSheetForm({ session, dossier, council, criteria }: { session: Session; dossier: SessionDossier; council: Council; criteria: CriteriaSetDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paper = usePaperSheet(session.id, dossier.dossierId);
  const options = useMemberOptions(council, dossier);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [declaredOnPaper, setDeclaredOnPaper] = useState(false);
  const [scan, setScan] = useState<File | null>(null);
  const [draft, setDraft] = useState<CouncilDraft>(EMPTY);
  const [errors, setErrors] = useState<PaperErrors>({});
  const total = useMemo(() => criteriaOfSet(criteria.set).length, [criteria]);
  const onChoose = useCallback((code: string, index: number) => setDraft((d) => withChoice(d, code, index)), []);
  const chosen = options.find((o) => o.value === memberId);
  const needsDeclaration = chosen !== undefined && !chosen.declared;
  const beforeDay = todayInVietnam() < session.heldOn;

  const submit = async () => {
    const missing: PaperErrors = {};
    if (!memberId) missing.memberId = t('councils.paper.memberRequired');
    if (!scan) missing.scan = t('councils.paper.scanRequired');
    if (needsDeclaration && !declaredOnPaper) missing.declaration = t('councils.paper.declarationRequired');
    if (!memberId || !scan || Object.keys(missing).length > 0) return setErrors(missing);
    try {
      await paper.mutateAsync({ memberId, scan, ...toSheetChoices(draft), ...(needsDeclaration ? { declaration: { hasConflict: false } } : {}) });
      notifySuccess(t('councils.paper.done'));
      await navigate(`/council-sessions/${session.id}`);
    } catch (error) {
      const fields = isApiError(error) ? error.fields : {};
      setErrors({
        ...criterionErrors(error),
        ...(fields.memberId ? { memberId: fields.memberId } : {}),
        ...(fields.scan ? { scan: fields.scan } : {}),
      });
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
          {beforeDay && (
            <Alert color="orange" icon={<IconCalendarTime aria-hidden />} p="sm" data-testid="session-not-held">
              {t('councils.session.notHeldYet', { date: formatDate(session.heldOn) })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select
              label={t('councils.paper.member')}
              placeholder={t('select.choose')}
              required
              data={options}
              value={memberId}
              onChange={(value) => {
                setMemberId(value);
                setDeclaredOnPaper(false);
                setErrors(({ memberId: _, declaration: __, ...rest }) => rest);
              }}
              error={errors.memberId}
            />
            <FileInput
              label={t('councils.paper.scan')}
              description={t('councils.paper.scanHint')}
              placeholder={t('councils.paper.scanPlaceholder')}
              required
              clearable
              accept={SCAN_ACCEPT}
              leftSection={<IconScan size={16} aria-hidden />}
              value={scan}
              onChange={(file) => {
                setScan(file);
                setErrors(({ scan: _, ...rest }) => rest);
              }}
              error={errors.scan}
              data-testid="paper-scan"
            />
          </SimpleGrid>
          {needsDeclaration && (
            <Checkbox
              label={t('councils.paper.declaredOnPaper')}
              description={t('councils.paper.declaredOnPaperHint')}
              checked={declaredOnPaper}
              onChange={(event) => {
                setDeclaredOnPaper(event.currentTarget.checked);
                setErrors(({ declaration: _, ...rest }) => rest);
              }}
              error={errors.declaration}
              data-testid="paper-declaration"
            />
          )}
        </Stack>
      </SectionCard>
      <SheetCriteria criteria={criteria} draft={draft} editable errors={errors} onChoose={onChoose} onChange={setDraft} />
      <Group justify="space-between">
        <Text size="sm" data-testid="answered">
          {t('selfAssessment.summary.answered', { answered: Object.keys(draft.choices).length, of: total })}
        </Text>
        <Button size="md" leftSection={<IconChecks size={18} aria-hidden />} loading={paper.isPending} onClick={() => void submit()}>
          {t('councils.paper.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The secretary types in a member's paper sheet and attaches its signed scan; it is submitted at once and marked as paper. */
export function PaperSheetPage() {
  const { id = '', dossierId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession(id);
  const councils = useCouncils();
  const dossier = session.data?.dossiers.find((d) => d.dossierId === dossierId);
  // The criteria version the dossier was filed under.
  const criteria = useCriteriaSet(dossier?.versionSlug ?? '', dossier?.setNumber ?? '', dossier !== undefined);
  const council = councils.data?.find((c) => c.id === session.data?.councilId);

  const header = (
    <PageHeader
      breadcrumbs={[
        { to: '/councils', label: t('councils.title') },
        { to: `/council-sessions/${id}`, label: session.data?.title ?? t('councils.title') },
        { label: t('home.crumbs.paper') },
      ]}
      title={t('councils.paper.title', { name: dossier?.productName ?? '' })}
    />
  );
  const failed = [session, councils, criteria].find((q) => q.isError);
  if (failed)
    return (
      <>
        {header}
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      </>
    );
  if (session.data?.status === 'closed')
    return (
      <>
        {header}
        <Alert color="gray" icon={<IconLock aria-hidden />} data-testid="paper-closed">
          {t('councils.paper.closed')}
        </Alert>
      </>
    );
  if (!session.data || !council || !dossier || !criteria.data)
    return (
      <>
        {header}
        <PageLoader />
      </>
    );
  return (
    <>
      {header}
      <PaperSheetForm session={session.data} dossier={dossier} council={council} criteria={criteria.data} />
    </>
  );
}
