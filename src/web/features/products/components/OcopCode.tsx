import { ActionIcon, Alert, CopyButton, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The product's OCOP code, large and copyable: producers quote it on packaging and in every filing. */
export function OcopCode({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (code === null)
    return (
      <Alert color="yellow" variant="light" title={t('products.ocopCodeHint')} data-testid="ocop-code-pending">
        {t('products.ocopCodePending')}
      </Alert>
    );
  return (
    <Paper withBorder radius="md" px="md" py="sm" bg="var(--mantine-color-ocop-0)" style={{ borderColor: 'var(--mantine-color-ocop-3)' }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" c="ocop.9" fw={600}>
            {t('products.ocopCodeHint')}
          </Text>
          <Text fz={{ base: 'lg', sm: 'xl' }} fw={700} c="ocop.9" className="ocop-code" data-testid="ocop-code" style={{ whiteSpace: 'nowrap' }}>
            {code}
          </Text>
        </Stack>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon variant="subtle" onClick={copy} aria-label={copied ? t('common.copied') : t('common.copy')} size="lg">
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}
