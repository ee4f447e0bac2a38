import { Alert, Anchor, Box, Button, Flex, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconChecks, IconCopy, IconEye, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifyError, notifySuccess } from '../../../lib/notify.js';
import { useIsWide } from '../../../lib/responsive.js';
import {
  casesToChoose,
  CaseSelector,
  criteriaOfSet,
  CriteriaOutline,
  criterionErrors,
  MissingCriteriaAlert,
  PhoneScoreBar,
  RunningPoints,
  ScoreSummary,
  scrollToCriterion,
  withCase,
  withChoice,
  type CriteriaSetDetail,
  type Criterion,
} from '../../../components/score-sheet/index.js';
import { useDraftAutosave } from '../api/draft-autosave.js';
import { useCompleteSelfAssessment, type Evidence, type SelfAssessment } from '../api/self-assessments.js';
import { CriterionCard } from './CriterionCard.js';
import { ResultPanel } from './ResultPanel.js';
import { scrollToResult } from './scroll.js';
import { draftOf, withNote } from './sheet-draft.js';
import { SheetActions } from './SheetActions.js';
import { SheetOverview } from './SheetOverview.js';

const NO_EVIDENCE: readonly Evidence[] = [];

function evidenceByCriterion(evidence: readonly Evidence[]): ReadonlyMap<string, readonly Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const item of evidence) out.set(item.criterionCode, [...(out.get(item.criterionCode) ?? []), item]);
  return out;
}

function ReadOnlyNotice({ sheet }: { sheet: SelfAssessment }) {
  const { t } = useTranslation();
  if (!sheet.canEdit)
    return (
      <Alert color="gray" icon={<IconEye aria-hidden />} className="print-hidden">
        {t('selfAssessment.readOnly.noPermission')}
      </Alert>
    );
  return (
    <Alert color="teal" icon={<IconLock aria-hidden />} className="print-hidden" data-testid="completed-notice">
      {t('selfAssessment.readOnly.completed', { date: formatDate(sheet.completedAt) })}
    </Alert>
  );
}

type SelfAssessmentSheetProps = {
  sheet: SelfAssessment;
  criteria: CriteriaSetDetail;
  /** The filed sheet this draft was copied from, when the producer just reopened it. */
  copiedFrom?: string;
};

/**
 * A self-assessment being filled in or read: the criteria of its set with the producer's choices,
 * notes and evidence, the server's running score beside (or below, on a phone), and the result.
 */
export function SelfAssessmentSheet({ sheet, criteria, copiedFrom }: SelfAssessmentSheetProps) {
  const { t } = useTranslation();
  const isWide = useIsWide();
  const editable = sheet.canEdit && sheet.status === 'draft';
  const autosave = useDraftAutosave(sheet);
  const complete = useCompleteSelfAssessment(sheet.id);
  /** Criterion → message, from the last refused completion. */
  const [refused, setRefused] = useState<Record<string, string>>({});

  const allCriteria = useMemo(() => criteriaOfSet(criteria.set), [criteria]);
  const criteriaByCode = useMemo(() => new Map<string, Criterion>(allCriteria.map((c) => [c.code, c])), [allCriteria]);
  const cases = useMemo(() => casesToChoose(criteria.set), [criteria]);
  const evidence = useMemo(() => evidenceByCriterion(sheet.evidence), [sheet.evidence]);
  const savedDraft = useMemo(() => draftOf(sheet), [sheet]);
  const shown = editable ? autosave.draft : savedDraft;
  const saveErrors = useMemo(() => criterionErrors(autosave.error), [autosave.error]);
  const stillMissing = Object.keys(refused).filter((code) => shown.choices[code] === undefined);

  // A refused save says why once; the criteria it names are marked on their cards.
  useEffect(() => {
    if (autosave.error) notifyError(autosave.error);
  }, [autosave.error]);

  const { update } = autosave;
  const onChoose = useCallback((code: string, optionIndex: number) => update((draft) => withChoice(draft, code, optionIndex)), [update]);
  const onNote = useCallback((code: string, text: string) => update((draft) => withNote(draft, code, text)), [update]);

  const completeSheet = async () => {
    if (!(await autosave.flush())) return;
    try {
      await complete.mutateAsync();
      setRefused({});
      notifySuccess(t('selfAssessment.completedNotice'));
      requestAnimationFrame(scrollToResult);
    } catch (error) {
      const missing = criterionErrors(error);
      const first = Object.keys(missing)[0];
      if (first === undefined) {
        reportMutationError(error);
        return;
      }
      setRefused(missing);
      scrollToCriterion(first);
    }
  };

  const completeButton = editable && (
    <Group justify="flex-end" className="print-hidden">
      <Button size="md" leftSection={<IconChecks size={18} aria-hidden />} onClick={() => void completeSheet()} loading={complete.isPending}>
        {t('selfAssessment.actions.complete')}
      </Button>
    </Group>
  );

  return (
    <>
      <PageHeader
        back={{ to: `/products/${sheet.productId}?tab=self-assessments`, label: sheet.productName }}
        title={t('selfAssessment.sheetTitle', { name: sheet.productName })}
        description={sheet.subjectName}
        actions={<SheetActions sheet={sheet} autosave={autosave} />}
      />
      <Flex gap="lg" align="flex-start">
        <Stack gap="lg" style={{ flex: 1, minWidth: 0 }} pb={isWide ? 0 : 64}>
          <SheetOverview sheet={sheet} criteria={criteria} />
          {copiedFrom && (
            <Alert color="blue" icon={<IconCopy aria-hidden />} className="print-hidden" data-testid="reopened-copy">
              <Stack gap={4} align="flex-start">
                {t('selfAssessment.reopenedCopy')}
                <Anchor component={Link} to={`/self-assessments/${copiedFrom}`} size="sm">
                  {t('selfAssessment.viewFiled')}
                </Anchor>
              </Stack>
            </Alert>
          )}
          {!editable && <ReadOnlyNotice sheet={sheet} />}
          {sheet.result && <ResultPanel result={sheet.result} provisional={sheet.status === 'draft'} />}
          <MissingCriteriaAlert codes={stillMissing} criteria={criteriaByCode} />
          {cases.length > 0 && (
            <CaseSelector
              cases={cases}
              value={shown.case}
              editable={editable}
              onChange={(caseKey) => update((draft) => withCase(draft, allCriteria, caseKey))}
            />
          )}
          <CriteriaOutline
            parts={criteria.set.parts}
            renderScore={(slot) => <RunningPoints slot={slot} progress={sheet.progress} />}
            renderCriterion={(criterion, order) => (
              <CriterionCard
                sheetId={sheet.id}
                criterion={criterion}
                order={order}
                choice={shown.choices[criterion.code]}
                caseKey={shown.case}
                note={shown.notes[criterion.code] ?? ''}
                evidence={evidence.get(criterion.code) ?? NO_EVIDENCE}
                editable={editable}
                error={saveErrors[criterion.code] ?? (shown.choices[criterion.code] === undefined ? refused[criterion.code] : undefined)}
                onChoose={onChoose}
                onNote={onNote}
              />
            )}
          />
          <SectionCard title={t('selfAssessment.generalNote')}>
            {editable ? (
              <Textarea
                aria-label={t('selfAssessment.generalNote')}
                placeholder={t('selfAssessment.generalNotePlaceholder')}
                autosize
                minRows={3}
                maxRows={12}
                maxLength={5000}
                value={shown.generalNote}
                onChange={(event) => {
                  const text = event.currentTarget.value;
                  update((draft) => ({ ...draft, generalNote: text }));
                }}
              />
            ) : (
              <Text size="sm" c={shown.generalNote ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
                {shown.generalNote || t('selfAssessment.noGeneralNote')}
              </Text>
            )}
          </SectionCard>
          {completeButton}
        </Stack>
        {isWide && (
          <Box w={300} className="print-hidden" style={{ position: 'sticky', top: 76, flexShrink: 0 }}>
            <ScoreSummary
              progress={sheet.progress}
              result={sheet.result}
              autosave={editable ? autosave : null}
              onComplete={() => void completeSheet()}
              completing={complete.isPending}
            />
          </Box>
        )}
      </Flex>
      {!isWide && <PhoneScoreBar progress={sheet.progress} result={sheet.result} autosave={editable ? autosave : null} />}
    </>
  );
}
