import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sectorText } from '../../../components/score-sheet/index.js';
import { todayInVietnam } from '../../../lib/format.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import { criteriaSetLabel, useCriteriaSets } from '../../../lib/reference.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';

/** Today as the API writes dates, the latest day of something already done. */
export const today = () => todayInVietnam();

/** The criteria sets (bộ sản phẩm) by sector in the interface language; values are the set numbers as text. */
export function CriteriaSetSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { data } = useCriteriaSets();
  const bySector = new Map<string, { value: string; label: string }[]>();
  for (const set of data ?? []) {
    const sector = sectorText(set, lang);
    bySector.set(sector, [...(bySector.get(sector) ?? []), { value: String(set.number), label: criteriaSetLabel(set) }]);
  }
  return (
    <Select
      label={t('select.criteriaSet')}
      placeholder={t('select.criteriaSetPlaceholder')}
      searchable
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('select.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
      {...props}
      data={[...bySector].map(([group, items]) => ({ group, items }))}
    />
  );
}
