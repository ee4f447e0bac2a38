import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../SectionCard.js';
import type { CaseKey } from './criteria-tree.js';

type CaseSelectorProps = { cases: readonly CaseKey[]; value: CaseKey | null; editable: boolean; onChange: (caseKey: CaseKey) => void };

/** Sets with alternative cases (set 26): one case for the whole sheet, chosen before its criteria. */
export function CaseSelector({ cases, value, editable, onChange }: CaseSelectorProps) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('selfAssessment.case.title')} data-testid="case-selector">
      <Radio.Group
        value={value}
        onChange={(picked) => {
          const caseKey = cases.find((c) => c === picked);
          if (caseKey) onChange(caseKey);
        }}
        readOnly={!editable}
        label={t('selfAssessment.case.label')}
        description={t('selfAssessment.case.hint')}
      >
        <Group mt="xs" gap="lg">
          {cases.map((caseKey) => (
            <Radio key={caseKey} value={caseKey} label={t(`selfAssessment.case.${caseKey}`)} />
          ))}
        </Group>
      </Radio.Group>
    </SectionCard>
  );
}
