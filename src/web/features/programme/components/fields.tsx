import { Select, type SelectProps } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { criteriaSetLabel, useCriteriaSets } from '../../../lib/reference.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';

/** Today as the API writes dates, the latest day of something already done. */
export const today = () => dayjs().format('YYYY-MM-DD');

/** The criteria sets (bộ sản phẩm) by sector; values are the set numbers as text. */
export function CriteriaSetSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const { data } = useCriteriaSets();
  const bySector = new Map<string, { value: string; label: string }[]>();
  for (const set of data ?? []) bySector.set(set.sector, [...(bySector.get(set.sector) ?? []), { value: String(set.number), label: criteriaSetLabel(set) }]);
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
