import { useTranslation } from 'react-i18next';
import { IMPORT_SHEETS } from '../../../../contracts/imports.js';
import { SHEETS } from '../../../../domain/imports/sheets.js';
import type { ImportSheet, ImportStatus } from '../api/imports.js';

export const STATUS_COLOR: Record<ImportStatus, string> = {
  validating: 'blue',
  validated: 'teal',
  invalid: 'red',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
};

const isSheet = (value: string): value is ImportSheet => (IMPORT_SHEETS as readonly string[]).includes(value);
/** The workbook's Vietnamese sheet names ("Chủ thể") → keys, so problems read in English too. */
const BY_NAME = new Map<string, ImportSheet>(SHEETS.map((s) => [s.name, s.key]));

export function useImportLabels() {
  const { t } = useTranslation();
  return {
    status: (status: ImportStatus) => t(`imports.status.${status}`),
    /** Problems name a sheet by its key or its Vietnamese name (translated), or by a tab of the file (as is). */
    sheet: (sheet: string) => {
      const key = isSheet(sheet) ? sheet : BY_NAME.get(sheet);
      return key ? t(`imports.sheets.${key}`) : sheet;
    },
    sheetOptions: IMPORT_SHEETS.map((value) => ({ value, label: t(`imports.sheets.${value}`) })),
  };
}
