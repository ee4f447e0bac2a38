import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Province } from '../../../../contracts/reference.js';
import { apiRequest } from '../../../lib/api/client.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import { useAppInfo } from '../../../lib/reference.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';

function useProvinces() {
  return useQuery({
    queryKey: ['reference', 'provinces'],
    queryFn: ({ signal }) => apiRequest('/provinces', { schema: z.array(Province), signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Province code → name in the UI language, for records that carry only the code. */
export function useProvinceNames(): ReadonlyMap<string, string> {
  const language = useLanguage();
  const { data } = useProvinces();
  return useMemo(() => new Map((data ?? []).map((p) => [p.code, language === 'en' ? p.nameEn : p.name])), [data, language]);
}

/** Another province or city of the country (not the deployment's own), searchable without accents. */
export function OtherProvinceSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const own = useAppInfo().data?.provinceCode;
  const provinces = useProvinces();
  const options = useMemo(
    () => (provinces.data ?? []).filter((p) => p.code !== own).map((p) => ({ value: p.code, label: language === 'en' ? p.nameEn : p.name })),
    [provinces.data, own, language],
  );
  return (
    <Select
      label={t('market.placement.otherProvince')}
      placeholder={t('market.placement.otherProvincePlaceholder')}
      searchable
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('select.nothingFound')}
      disabled={provinces.isPending}
      {...props}
      data={options}
    />
  );
}
