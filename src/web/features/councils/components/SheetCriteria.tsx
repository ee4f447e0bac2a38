import { Checkbox, List, Stack, Textarea } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import {
  casesToChoose,
  CaseSelector,
  criteriaOfSet,
  CriteriaOutline,
  CriterionChoiceCard,
  withCase,
  type CaseKey,
  type CriteriaSetDetail,
  type ScoreSlot,
} from '../../../components/score-sheet/index.js';
import type { CouncilDraft } from './council-sheet-draft.js';

type SheetCriteriaProps = {
  criteria: CriteriaSetDetail;
  draft: CouncilDraft;
  editable: boolean;
  /** Criterion code → why it stops the sheet (a refused submission). */
  errors: Record<string, string>;
  onChoose: (code: string, optionIndex: number) => void;
  onChange: (change: (draft: CouncilDraft) => CouncilDraft) => void;
  renderScore?: (slot: ScoreSlot) => ReactNode;
  /** Criterion code → what the member weighs beside it (the producer's answer, site-visit notes); kept stable so cards stay memoised. */
  extras?: ReadonlyMap<string, ReactNode>;
};

/** The body of a council score sheet: the case (set 26), every criterion's options, and the disqualification. */
export function SheetCriteria({ criteria, draft, editable, errors, onChoose, onChange, renderScore, extras }: SheetCriteriaProps) {
  const { t } = useTranslation();
  const allCriteria = useMemo(() => criteriaOfSet(criteria.set), [criteria]);
  const cases = useMemo(() => casesToChoose(criteria.set), [criteria]);
  return (
    <Stack gap="lg">
      {cases.length > 0 && (
        <CaseSelector
          cases={cases}
          value={draft.case}
          editable={editable}
          onChange={(caseKey: CaseKey) => onChange((d) => withCase(d, allCriteria, caseKey))}
        />
      )}
      <CriteriaOutline
        parts={criteria.set.parts}
        {...(renderScore ? { renderScore } : {})}
        renderCriterion={(criterion, order) => (
          <CriterionChoiceCard
            criterion={criterion}
            order={order}
            choice={draft.choices[criterion.code]}
            caseKey={draft.case}
            editable={editable}
            error={errors[criterion.code]}
            onChoose={onChoose}
          >
            {extras?.get(criterion.code)}
          </CriterionChoiceCard>
        )}
      />
      <SectionCard title={t('councils.sheet.disqualifiedTitle')}>
        <Stack gap="sm">
          {criteria.set.disqualifiers.length > 0 && (
            <List size="sm" c="dimmed" spacing={2}>
              {criteria.set.disqualifiers.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          )}
          <Checkbox
            label={t('councils.sheet.disqualified')}
            checked={draft.disqualified}
            disabled={!editable}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              onChange((d) => ({ ...d, disqualified: checked }));
            }}
          />
          {draft.disqualified && (
            <Textarea
              label={t('councils.sheet.disqualifiedReason')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              readOnly={!editable}
              value={draft.disqualifiedReason}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onChange((d) => ({ ...d, disqualifiedReason: text }));
              }}
            />
          )}
        </Stack>
      </SectionCard>
    </Stack>
  );
}
