import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDateTime } from '../../../lib/format.js';
import { actorText } from '../../../lib/text.js';
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
      <QueryView query={events}>
        {(data) => (
          <Timeline bulletSize={14} lineWidth={2} active={data.length} data-testid="dossier-history">
            {[...data].reverse().map((event) => (
              <Timeline.Item key={event.id} title={labels.event(event.action)} data-testid="dossier-event" data-action={event.action}>
                <Text size="xs" c="dimmed" title={actorText(event).title}>
                  {formatDateTime(event.at)} · {actorText(event).text}
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
      </QueryView>
    </SectionCard>
  );
}
