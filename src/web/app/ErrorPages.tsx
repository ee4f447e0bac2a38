import { Button, EmptyState } from '@mantine/core';
import { IconLock, IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<IconMapQuestion aria-hidden />} title={t('errors.pageNotFoundTitle')} description={t('errors.pageNotFoundText')} mt="xl">
      <Button component={Link} to="/dashboard">
        {t('errors.goHome')}
      </Button>
    </EmptyState>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<IconLock aria-hidden />} title={t('errors.forbiddenTitle')} description={t('errors.forbiddenText')} mt="xl">
      <Button component={Link} to="/dashboard">
        {t('errors.goHome')}
      </Button>
    </EmptyState>
  );
}
