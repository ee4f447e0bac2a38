import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sectorText } from '../../../components/score-sheet/index.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import { criteriaSetLabel, useCriteriaSets } from '../../../lib/reference.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';

/** The 26 criteria sets (bộ sản phẩm) of the current decision, grouped by sector in the interface language; values are the set numbers as text. */
export function CriteriaSetSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { data } = useCriteriaSets();
  const groups = useMemo(() => {
    const bySector = new Map<string, { value: string; label: string }[]>();
    for (const set of data ?? []) {
      const sector = sectorText(set, lang);
      const items = bySector.get(sector) ?? [];
      items.push({ value: String(set.number), label: criteriaSetLabel(set) });
      bySector.set(sector, items);
    }
    return [...bySector].map(([group, items]) => ({ group, items }));
  }, [data, lang]);
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
      data={groups}
    />
  );
}
