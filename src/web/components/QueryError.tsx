import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api/client.js';

type QueryErrorProps = { error: unknown; onRetry?: () => void };

/**
 * A failed load. 404 and 403 say plainly that the record is not available, without any of its
 * data; other errors show the server's message and offer a retry.
 */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : 0;
  if (status === 404)
    return (
      <Alert color="gray" icon={<IconSearchOff aria-hidden />} title={t('errors.notFoundTitle')} role="alert">
        {t('errors.notFoundText')}
      </Alert>
    );
  if (status === 403)
    return (
      <Alert color="orange" icon={<IconLock aria-hidden />} title={t('errors.forbiddenTitle')} role="alert">
        {t('errors.forbiddenText')}
      </Alert>
    );
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('errors.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
