import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import { useDossierSessions } from '../api/dossiers.js';

/** The council sittings the dossier is on, for the office to open them. */
export function DossierSessions({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const sessions = useDossierSessions(dossierId);
  if (!sessions.data?.length) return null;
  return (
    <SectionCard title={t('dossiers.sections.sessions')}>
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {sessions.data.map((session) => (
          <Group component="li" key={session.id} justify="space-between" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/council-sessions/${session.id}`} fw={500}>
                {session.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {session.councilName} · {formatDate(session.heldOn)}
              </Text>
            </Stack>
            <Badge color={session.status === 'open' ? 'blue' : 'gray'}>{t(`councils.sessionStatuses.${session.status}`)}</Badge>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
