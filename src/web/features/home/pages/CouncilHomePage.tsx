import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarDue, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import { useCurrentUser } from '../../../lib/session.js';
import { DeclarationButton } from '../../councils/index.js';
import { useCouncilHome, type CouncilHomeData } from '../api/home.js';

type Session = CouncilHomeData['sessions'][number];
type SheetState = Session['dossiers'][number]['sheet'];

const SHEET_COLOR: Record<SheetState, string> = { to_declare: 'orange', to_fill: 'blue', draft: 'yellow', locked: 'teal', excused: 'gray' };
const ACTION: Partial<Record<SheetState, 'fill' | 'continue' | 'view'>> = { to_fill: 'fill', draft: 'continue', locked: 'view' };

function SessionCard({ session, today }: { session: Session; today: string }) {
  const { t } = useTranslation();
  const open = session.status === 'open';
  const toFill = session.dossiers.filter((d) => d.sheet === 'to_declare' || d.sheet === 'to_fill' || d.sheet === 'draft').length;
  const scoring = session.dossiers.filter((d) => d.sheet !== 'excused');
  const locked = scoring.filter((d) => d.sheet === 'locked').length;
  const overdue = open && toFill > 0 && session.dueOn < today;
  return (
    <SectionCard
      title={session.title}
      data-testid="home-session"
      data-session={session.id}
      action={
        <Button component={Link} to={`/council-sessions/${session.id}`} size="xs" variant="default">
          {t('home.council.openSession')}
        </Button>
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {session.councilName} · {t(`home.council.position.${session.position}`)} · {t(`home.council.mode.${session.mode}`)}
        </Text>
        <Group gap="xs" wrap="wrap">
          {open && (
            <Badge color={overdue ? 'red' : 'blue'} variant="light" leftSection={<IconCalendarDue size={14} aria-hidden />} data-testid="session-due">
              {t(overdue ? 'home.council.overdue' : 'home.council.due', { date: formatDate(session.dueOn) })}
            </Badge>
          )}
          {scoring.length > 0 && (
            <Badge color={toFill ? 'orange' : 'teal'} variant="light" data-testid="session-progress">
              {toFill ? t('home.council.toFill', { count: toFill }) : t('home.council.allLocked')}
            </Badge>
          )}
          {scoring.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('home.council.locked', { locked, total: scoring.length })}
            </Text>
          )}
        </Group>
        <Stack gap="xs">
          {session.dossiers.map((d) => {
            const action = ACTION[d.sheet];
            return (
              <Card key={d.dossierId} withBorder padding="sm" radius="sm" data-testid="home-sheet" data-sheet={d.sheet} data-dossier={d.dossierId}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {d.productName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.subjectName}
                      {d.scoringRound > 1 ? ` · ${t('home.council.round', { round: d.scoringRound })}` : ''}
                    </Text>
                  </div>
                  <Group gap="xs" wrap="wrap">
                    <Badge color={SHEET_COLOR[d.sheet]} variant="light">
                      {t(`home.council.sheet.${d.sheet}`)}
                    </Badge>
                    {/* Not yet declared: the declaration is the next step; the sheet opens after it. */}
                    {d.sheet === 'to_declare' && open && (
                      <DeclarationButton sessionId={session.id} dossierId={d.dossierId} productName={d.productName} size="xs" />
                    )}
                    {action && (open || action === 'view') && (
                      <Button
                        component={Link}
                        to={`/council-sessions/${session.id}/dossiers/${d.dossierId}/sheet`}
                        size="xs"
                        variant={action === 'view' ? 'default' : 'filled'}
                        leftSection={action === 'view' ? undefined : <IconPencil size={14} aria-hidden />}
                      >
                        {t(`home.council.${action}`)}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Card>
            );
          })}
        </Stack>
      </Stack>
    </SectionCard>
  );
}

export function CouncilHomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const home = useCouncilHome();
  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.fullName })} description={t('home.council.intro')} />
      <QueryView
        query={home}
        isEmpty={(data) => data.sessions.length === 0}
        empty={
          <Alert icon={<IconInfoCircle aria-hidden />} color="blue">
            {t('home.council.empty')}
          </Alert>
        }
      >
        {(data) => {
          const open = data.sessions.filter((s) => s.status === 'open');
          const closed = data.sessions.filter((s) => s.status !== 'open');
          return (
            <Stack gap="lg">
              {open.length > 0 && (
                <Stack gap="md">
                  <Title order={2} fz="lg">
                    {t('home.council.sessions')}
                  </Title>
                  {open.map((s) => (
                    <SessionCard key={s.id} session={s} today={data.today} />
                  ))}
                </Stack>
              )}
              {closed.length > 0 && (
                <Stack gap="xs">
                  <Title order={2} fz="lg">
                    {t('home.council.closedSessions')}
                  </Title>
                  {closed.map((s) => (
                    <Group key={s.id} gap="xs" wrap="wrap" data-testid="home-closed-session">
                      <Anchor component={Link} to={`/council-sessions/${s.id}`} size="sm">
                        {s.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('home.council.heldOn', { date: formatDate(s.heldOn) })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}
