import { Anchor, Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLeaf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { useAppInfo } from '../../../lib/reference.js';

/** The frame of the signed-out pages (forgotten password, new password): one card, narrow enough for a phone. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" py="xl" px="md">
      <Group justify="space-between" maw={420} mx="auto" mb="md">
        {/* A plain link: the public portal is served by the server, not by this app. */}
        <Anchor href="/" size="sm">
          ← {t('auth.publicSite')}
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="xs" align="center" mb="lg">
            <ThemeIcon size={56} radius="xl" aria-hidden>
              <IconLeaf size={32} />
            </ThemeIcon>
            <Title order={1} fz="h2" ta="center">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" ta="center">
                {subtitle}
              </Text>
            )}
            {info.data && (
              <Text size="sm" fw={600} c="ocop.9" ta="center">
                {info.data.provinceName}
              </Text>
            )}
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
