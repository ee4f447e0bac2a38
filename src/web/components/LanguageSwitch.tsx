import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, useLanguage, type Language } from '../lib/i18n/index.js';

/** VI | EN. Each option names its language in that language for screen readers. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => void changeLanguage(value as Language)}
      data={LANGUAGES.map((lng) => ({
        value: lng,
        label: (
          <span lang={lng} title={t(`language.${lng}`)}>
            {lng.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}
