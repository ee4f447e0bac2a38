import { useTranslation } from 'react-i18next';
import { SHEETS } from '../../../../domain/imports/sheets.js';
import { useLabel } from '../../../lib/i18n/index.js';
import type { ImportStatus } from '../api/imports.js';

export const STATUS_COLOR: Record<ImportStatus, string> = {
  validating: 'blue',
  validated: 'teal',
  invalid: 'red',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
};

export function useImportLabels() {
  const { t } = useTranslation();
  const label = useLabel();
  return {
    status: (status: ImportStatus) => t(`imports.status.${status}`),
    /** Problems name a sheet by its key or its Vietnamese name (the domain's labels give both languages), or by a tab of the file (as is). */
    sheet: (sheet: string) => {
      const spec = SHEETS.find((s) => s.key === sheet || s.name === sheet);
      return spec ? label(spec.label) : sheet;
    },
    sheetOptions: SHEETS.map((s) => ({ value: s.key, label: label(s.label) })),
  };
}
