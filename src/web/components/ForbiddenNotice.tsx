import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ForbiddenNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconLock aria-hidden />} title={t('errors.forbiddenTitle')} role="alert">
      {t('errors.forbiddenText')}
    </Alert>
  );
}
