import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconCalendarEvent, IconFileDescription, IconFileText, IconPaperclip, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { establishmentUrl, useAttachRules, type Council, type SessionSummary } from '../api/councils.js';
import { POSITION_COLOR, useCouncilLabels } from './labels.js';
import { SessionCreateDialog } from './SessionCreateDialog.js';

const RULES_ACCEPT = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function MemberList({ council }: { council: Council }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('councils.form.members')}>
      {council.members.map((member) => (
        <Group
          key={member.id}
          component="li"
          gap="xs"
          wrap="nowrap"
          align="flex-start"
          data-testid="council-member-row"
          data-voting={member.voting ? 'yes' : 'no'}
        >
          <Badge color={POSITION_COLOR[member.position]} w={96} style={{ flexShrink: 0 }}>
            {labels.position(member.position)}
          </Badge>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {member.fullName}
              {member.userId && (
                <IconUserCheck
                  size={14}
                  color="var(--mantine-color-teal-7)"
                  aria-label={t('councils.hasAccount')}
                  style={{ marginLeft: 4, verticalAlign: 'middle' }}
                />
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {member.organisation}
              {!member.voting && ` · ${t('councils.notVoting')}`}
              {member.voting && member.position === 'secretary' && ` · ${t('councils.secretaryVoting')}`}
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
    <Table.ScrollContainer minWidth={300}>
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

/** The establishing decision: its number, date and signer; the office downloads it as DOCX. */
function Establishment({ council, isOffice }: { council: Council; isOffice: boolean }) {
  const { t } = useTranslation();
  const { number, date, signer, signerTitle } = council.establishment;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="council-establishment">
      <IconFileDescription size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm">
          {number ? t('councils.establishment.summary', { number, date: formatDate(date), signer, signerTitle }) : t('councils.establishment.none')}
        </Text>
        {isOffice && (
          <Anchor href={establishmentUrl(council.id)} download size="sm">
            {t('councils.establishment.download')}
          </Anchor>
        )}
      </Stack>
    </Group>
  );
}

/** The operating rules (Quy chế hoạt động): a link once attached; the office attaches or replaces them. */
function Rules({ council, isOffice }: { council: Council; isOffice: boolean }) {
  const { t } = useTranslation();
  const attach = useAttachRules(council.id);
  const upload = (file: File | null) => {
    if (!file) return;
    attach.mutate(file, { onSuccess: () => notifySuccess(t('councils.rules.attached')), onError: (error) => reportMutationError(error) });
  };
  const button = isOffice && (
    <FileButton
      onChange={upload}
      accept={RULES_ACCEPT}
      disabled={attach.isPending}
      inputProps={{ 'aria-label': t(council.rules ? 'councils.rules.replace' : 'councils.rules.attach') }}
    >
      {(props) => (
        <Button
          {...props}
          size="xs"
          variant={council.rules ? 'subtle' : 'filled'}
          color={council.rules ? undefined : 'orange'}
          leftSection={<IconPaperclip size={14} aria-hidden />}
          loading={attach.isPending}
        >
          {t(council.rules ? 'councils.rules.replace' : 'councils.rules.attach')}
        </Button>
      )}
    </FileButton>
  );
  if (!council.rules)
    return (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="sm" data-testid="council-rules" data-attached="no">
        <Stack gap="xs" align="flex-start">
          {/* A council opens no session without them; an advisory team holds none anyway. */}
          <Text size="sm">{t(isOffice && council.kind === 'council' ? 'councils.rules.missingOffice' : 'councils.rules.missing')}</Text>
          {button}
        </Stack>
      </Alert>
    );
  return (
    <Group gap="xs" justify="space-between" wrap="wrap" data-testid="council-rules" data-attached="yes">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <IconFileText size={16} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {t('councils.rules.title')}:{' '}
          <Anchor href={council.rules.url} target="_blank" rel="noopener noreferrer" inherit>
            {council.rules.filename}
          </Anchor>
        </Text>
      </Group>
      {button}
    </Group>
  );
}

/** A council: its establishing decision, operating rules, members and sittings; the office opens new sittings from here. */
export function CouncilCard({ council, sessions, canOpenSessions }: { council: Council; sessions: readonly SessionSummary[]; canOpenSessions: boolean }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const [opened, { open, close }] = useDisclosure(false);
  // An advisory team does not score; a council opens sessions once its rules are attached (Art. 7.3b).
  const scores = council.kind === 'council';
  const openButton = canOpenSessions && scores && (
    <Button size="sm" leftSection={<IconCalendarEvent size={16} aria-hidden />} onClick={open} disabled={council.rules === null}>
      {t('councils.session.open')}
    </Button>
  );
  return (
    <SectionCard title={council.name} data-testid="council-card" action={openButton}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {labels.kind(council.kind)} · {labels.level(council.level)} · {t('councils.yearValue', { year: council.year })}
        </Text>
        <Stack gap="xs">
          <Establishment council={council} isOffice={canOpenSessions} />
          <Rules council={council} isOffice={canOpenSessions} />
        </Stack>
        <MemberList council={council} />
        {scores && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('councils.sessions')}
            </Text>
            <SessionList sessions={sessions} />
          </Stack>
        )}
      </Stack>
      {canOpenSessions && scores && council.rules && <SessionCreateDialog council={council} opened={opened} onClose={close} />}
    </SectionCard>
  );
}
