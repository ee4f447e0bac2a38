import { Alert, Box, Button, Flex, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCalendarTime, IconChecks, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api/client.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifyError, notifySuccess, notifyWarning } from '../../../lib/notify.js';
import { useIsWide } from '../../../lib/responsive.js';
import {
  criteriaOfSet,
  criterionErrors,
  MissingCriteriaAlert,
  PhoneScoreBar,
  RunningPoints,
  ScoreSummary,
  scrollToCriterion,
  useAutosave,
  withChoice,
  type CriteriaSetDetail,
  type Criterion,
} from '../../../components/score-sheet/index.js';
import { reloadMySheet, saveSheet, useSubmitSheet, type Sheet } from '../api/sheets.js';
import { councilDraftOf, toSheetChoices, type CouncilDraft } from './council-sheet-draft.js';
import { SheetCriteria } from './SheetCriteria.js';

const isStaleSheet = (error: unknown) => isApiError(error) && error.status === 409 && error.code === 'stale_sheet';

type CouncilSheetProps = {
  sheet: Sheet;
  criteria: CriteriaSetDetail;
  sessionOpen: boolean;
  heldOn: string;
  /** Above the criteria, in the sheet's column (the producer's self-assessment, site visits). */
  header?: ReactNode;
  /** Criterion code → what to show under its options. */
  extras?: ReadonlyMap<string, ReactNode>;
  /** Below the sheet, in its column (questions on evidence). */
  footer?: ReactNode;
};

/**
 * A member's own score sheet: the same criteria cards as the self-assessment, autosaved under the
 * sheet's version, the server's running total beside, and submission (which locks the sheet).
 */
export function CouncilSheet({ sheet, criteria, sessionOpen, heldOn, header, extras, footer }: CouncilSheetProps) {
  const { t } = useTranslation();
  const isWide = useIsWide();
  const queryClient = useQueryClient();
  const editable = sessionOpen && sheet.status === 'draft';
  const save = useCallback(
    (draft: CouncilDraft) => saveSheet(queryClient, sheet.sessionId, sheet.dossierId, toSheetChoices(draft)),
    [queryClient, sheet.sessionId, sheet.dossierId],
  );
  const autosave = useAutosave(() => councilDraftOf(sheet), save);
  const submit = useSubmitSheet(sheet.sessionId, sheet.dossierId);
  const [refused, setRefused] = useState<Record<string, string>>({});

  const criteriaByCode = useMemo(() => new Map<string, Criterion>(criteriaOfSet(criteria.set).map((c) => [c.code, c])), [criteria]);
  const shown = editable ? autosave.draft : councilDraftOf(sheet);
  const stillMissing = Object.keys(refused).filter((code) => shown.choices[code] === undefined);
  const errors: Record<string, string> = { ...criterionErrors(autosave.error), ...Object.fromEntries(stillMissing.map((code) => [code, refused[code] ?? ''])) };

  // Saved elsewhere meanwhile (another tab, or the secretary reopened it): start again from the server's copy.
  const { error, reset } = autosave;
  useEffect(() => {
    if (!error) return;
    if (!isStaleSheet(error)) return notifyError(error);
    notifyWarning(t('councils.sheet.stale'));
    void reloadMySheet(queryClient, sheet.sessionId, sheet.dossierId).then((fresh) => reset(councilDraftOf(fresh)));
  }, [error, reset, queryClient, sheet.sessionId, sheet.dossierId, t]);

  const { update } = autosave;
  const onChoose = useCallback((code: string, optionIndex: number) => update((draft) => withChoice(draft, code, optionIndex)), [update]);

  const submitSheet = async () => {
    if (!(await autosave.flush())) return;
    try {
      await submit.mutateAsync();
      setRefused({});
      notifySuccess(t('councils.sheet.submitted'));
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (caught) {
      const missing = criterionErrors(caught);
      const first = Object.keys(missing)[0];
      if (first === undefined) return reportMutationError(caught);
      setRefused(missing);
      scrollToCriterion(first);
    }
  };

  return (
    <>
      <Flex gap="lg" align="flex-start">
        <Stack gap="lg" style={{ flex: 1, minWidth: 0 }} pb={isWide ? 0 : 64}>
          {sheet.status === 'submitted' && (
            <Alert color="teal" icon={<IconLock aria-hidden />} data-testid="sheet-submitted">
              {t('councils.sheet.lockedNotice')}
            </Alert>
          )}
          {editable && todayInVietnam() < heldOn && (
            <Alert color="blue" icon={<IconCalendarTime aria-hidden />} data-testid="session-not-held">
              {t('councils.sheet.beforeDay', { date: formatDate(heldOn) })}
            </Alert>
          )}
          {sheet.status === 'draft' && !sessionOpen && (
            <Alert color="gray" icon={<IconLock aria-hidden />}>
              {t('councils.sheet.closedNotice', { date: formatDate(heldOn) })}
            </Alert>
          )}
          <MissingCriteriaAlert codes={stillMissing} criteria={criteriaByCode} />
          {header}
          <SheetCriteria
            criteria={criteria}
            draft={shown}
            editable={editable}
            errors={errors}
            onChoose={onChoose}
            onChange={update}
            renderScore={(slot) => <RunningPoints slot={slot} progress={sheet.progress} />}
            {...(extras ? { extras } : {})}
          />
          {editable && (
            <Group justify="flex-end">
              <Button size="md" leftSection={<IconChecks size={18} aria-hidden />} onClick={() => void submitSheet()} loading={submit.isPending}>
                {t('councils.sheet.submit')}
              </Button>
            </Group>
          )}
          {footer}
        </Stack>
        {isWide && (
          <Box w={300} style={{ position: 'sticky', top: 76, flexShrink: 0 }}>
            <ScoreSummary
              progress={sheet.progress}
              result={null}
              autosave={editable ? autosave : null}
              onComplete={() => void submitSheet()}
              completing={submit.isPending}
              completeLabel={t('councils.sheet.submit')}
            />
          </Box>
        )}
      </Flex>
      {!isWide && <PhoneScoreBar progress={sheet.progress} result={null} autosave={editable ? autosave : null} />}
    </>
  );
}
