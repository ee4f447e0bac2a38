import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The support section's two lists: the policies, and the grants made under them. */
export function SupportSwitch({ value }: { value: 'policies' | 'grants' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SegmentedControl
      mb="md"
      value={value}
      onChange={(next) => void navigate(next === 'grants' ? '/activities/support/grants' : '/activities/support')}
      data={[
        { value: 'policies', label: t('programme.support.policies') },
        { value: 'grants', label: t('programme.grants.title') },
      ]}
      aria-label={t('programme.tabs.support')}
    />
  );
}
