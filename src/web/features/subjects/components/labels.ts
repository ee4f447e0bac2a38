import { useTranslation } from 'react-i18next';
import {
  GENDER_LABELS,
  GENDERS,
  LEGAL_FORM_CODES,
  LEGAL_FORM_LABELS,
  SUBJECT_STATUS_LABELS,
  SUBJECT_STATUSES,
  type Gender,
  type LegalForm,
  type SubjectStatus,
} from '../../../../domain/subjects/legal-forms.js';
import { useLabel } from '../../../lib/i18n/index.js';

/** Select options and display labels of the subject code lists, in the UI language. */
export function useSubjectLabels() {
  const label = useLabel();
  const { t, i18n } = useTranslation();
  return {
    legalForm: (code: LegalForm) => label(LEGAL_FORM_LABELS[code]),
    status: (code: SubjectStatus) => label(SUBJECT_STATUS_LABELS[code]),
    gender: (code: Gender) => label(GENDER_LABELS[code]),
    legalFormOptions: LEGAL_FORM_CODES.map((code) => ({ value: code, label: label(LEGAL_FORM_LABELS[code]) })),
    statusOptions: SUBJECT_STATUSES.map((code) => ({ value: code, label: label(SUBJECT_STATUS_LABELS[code]) })),
    genderOptions: GENDERS.map((code) => ({ value: code, label: label(GENDER_LABELS[code]) })),
    /** A recorded field name (history) → its form label. */
    field: (name: string): string => {
      const key = `subjects.fields.${name}`;
      return i18n.exists(key) ? t(key as 'subjects.fields.name') : name;
    },
  };
}

export const STATUS_COLOR: Record<SubjectStatus, string> = { active: 'teal', suspended: 'yellow', dissolved: 'gray' };

export const isLegalForm = (value: unknown): value is LegalForm => LEGAL_FORM_CODES.includes(value as LegalForm);
export const isSubjectStatus = (value: unknown): value is SubjectStatus => SUBJECT_STATUSES.includes(value as SubjectStatus);
export const isGender = (value: unknown): value is Gender => GENDERS.includes(value as Gender);
