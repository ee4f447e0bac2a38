import { Text, Textarea, type TitleOrder } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CriterionChoiceCard, type CaseKey, type Criterion } from '../../../components/score-sheet/index.js';
import type { Evidence } from '../api/self-assessments.js';
import { AddEvidenceButtons } from './AddEvidenceButtons.js';
import { EvidenceList } from './EvidenceList.js';

export type CriterionCardProps = {
  sheetId: string;
  criterion: Criterion;
  order: TitleOrder;
  choice: number | undefined;
  caseKey: CaseKey | null;
  note: string;
  evidence: readonly Evidence[];
  editable: boolean;
  /** The server's message when this criterion stops the sheet from being saved or completed. */
  error: string | undefined;
  onChoose: (code: string, optionIndex: number) => void;
  onNote: (code: string, text: string) => void;
};

/**
 * One criterion of a self-assessment: the options (CriterionChoiceCard), a note of the producer's
 * own and the evidence attached.
 */
export const CriterionCard = memo(function CriterionCard(props: CriterionCardProps) {
  const { sheetId, criterion, order, choice, caseKey, note, evidence, editable, error, onChoose, onNote } = props;
  const { t } = useTranslation();
  const [noteOpen, setNoteOpen] = useState(note !== '');

  return (
    <CriterionChoiceCard criterion={criterion} order={order} choice={choice} caseKey={caseKey} editable={editable} error={error} onChoose={onChoose}>
      {editable && noteOpen && (
        <Textarea
          label={t('selfAssessment.criterion.note')}
          aria-label={t('selfAssessment.criterion.noteFor', { code: criterion.code })}
          placeholder={t('selfAssessment.criterion.notePlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={note}
          onChange={(event) => onNote(criterion.code, event.currentTarget.value)}
        />
      )}
      {!editable && note !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span fw={600} inherit>
            {t('selfAssessment.criterion.note')}:
          </Text>{' '}
          {note}
        </Text>
      )}
      <EvidenceList sheetId={sheetId} items={evidence} editable={editable} />
      {editable && <AddEvidenceButtons sheetId={sheetId} criterionCode={criterion.code} noteOpen={noteOpen} onOpenNote={() => setNoteOpen(true)} />}
    </CriterionChoiceCard>
  );
});
