import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A generated password, shown once with a copy button; it is never fetched again. */
export function OneTimePassword({ email, password, onDone }: { email: string; password: string; onDone?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconKey aria-hidden />} title={t('users.oneTimePassword.title')} role="status">
      <Stack gap="sm">
        <Text size="sm">{t('users.oneTimePassword.notice')}</Text>
        <Group gap="xs" wrap="wrap">
          <Code fz="lg" px="sm" py={6} aria-label={t('users.oneTimePassword.label', { email })} data-testid="one-time-password" style={{ userSelect: 'all' }}>
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? 'filled' : 'light'}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {onDone && (
          <Button onClick={onDone} w="fit-content">
            {t('users.oneTimePassword.done')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
