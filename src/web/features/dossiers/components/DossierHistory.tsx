import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDateTime } from '../../../lib/format.js';
import { useDossierEvents } from '../api/dossiers.js';
import { isDossierState, useDossierLabels } from './labels.js';

/** Every step taken on the dossier, newest first: who, when, from which state to which, and why. */
export function DossierHistory({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const events = useDossierEvents(dossierId);
  const stateName = (value: string | null) => (value && isDossierState(value) ? labels.state(value) : (value ?? ''));

  return (
    <SectionCard title={t('dossiers.sections.history')}>
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.data.length} data-testid="dossier-history">
          {[...events.data].reverse().map((event) => (
            <Timeline.Item key={event.id} title={labels.event(event.action)} data-testid="dossier-event" data-action={event.action}>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at)} · {event.actorLabel}
              </Text>
              <Text size="sm">
                {event.fromState ? t('dossiers.stateChange', { from: stateName(event.fromState), to: stateName(event.toState) }) : stateName(event.toState)}
              </Text>
              {event.comment && (
                <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  “{event.comment}”
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}
