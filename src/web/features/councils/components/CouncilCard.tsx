import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import type { Council, SessionSummary } from '../api/councils.js';
import { POSITION_COLOR, useCouncilLabels } from './labels.js';
import { SessionCreateDialog } from './SessionCreateDialog.js';

function MemberList({ council }: { council: Council }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('councils.form.members')}>
      {council.members.map((member) => (
        <Group key={member.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={POSITION_COLOR[member.position]} w={96} style={{ flexShrink: 0 }}>
            {labels.position(member.position)}
          </Badge>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {member.fullName}
              {member.userId && <IconUserCheck size={14} color="var(--mantine-color-teal-7)" aria-label={t('councils.hasAccount')} style={{ marginLeft: 4, verticalAlign: 'middle' }} />}
            </Text>
            <Text size="xs" c="dimmed">
              {member.organisation}
            </Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

function SessionList({ sessions }: { sessions: readonly SessionSummary[] }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  if (sessions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('councils.noSessions')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id} data-testid="session-row">
              <Table.Td>
                <Anchor component={Link} to={`/council-sessions/${session.id}`} fw={500}>
                  {session.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDate(session.heldOn)} · {labels.mode(session.mode)} · {t('councils.dossierCount', { count: session.dossierCount })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Badge color={session.status === 'open' ? 'blue' : 'gray'}>{t(`councils.sessionStatuses.${session.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A council: its members and sittings; the office opens new sittings from here. */
export function CouncilCard({ council, sessions, canOpenSessions }: { council: Council; sessions: readonly SessionSummary[]; canOpenSessions: boolean }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <SectionCard
      title={council.name}
      data-testid="council-card"
      action={
        canOpenSessions && (
          <Button size="sm" leftSection={<IconCalendarEvent size={16} aria-hidden />} onClick={open}>
            {t('councils.session.open')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {labels.kind(council.kind)} · {t('councils.yearValue', { year: council.year })}
        </Text>
        <MemberList council={council} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('councils.sessions')}
          </Text>
          <SessionList sessions={sessions} />
        </Stack>
      </Stack>
      {canOpenSessions && <SessionCreateDialog council={council} opened={opened} onClose={close} />}
    </SectionCard>
  );
}
