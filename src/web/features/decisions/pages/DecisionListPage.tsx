import { Alert, Button, EmptyState, Stack } from '@mantine/core';
import { IconGavel, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { officeLevel } from '../../../../domain/policies/index.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { useActor } from '../../../lib/session.js';
import { useDossiersAwaitingDecision } from '../api/awaiting.js';
import { useDecisions } from '../api/decisions.js';
import { DecisionCard } from '../components/DecisionCard.js';

/** The decisions (the province's and the ministry's), newest first, with the dossiers still waiting for one. */
export function DecisionListPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const decisions = useDecisions();
  const waitingCount = useDossiersAwaitingDecision(officeLevel(actor) === 'ministry').data.length;
  return (
    <>
      <PageHeader
        title={t('decisions.title')}
        description={t('decisions.intro')}
        actions={
          <>
            <ExportMenu path="/decisions" />
            <Button component={Link} to="/decisions/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('decisions.new')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {waitingCount > 0 && (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="scored-waiting">
            {t('decisions.waiting', { count: waitingCount })}
          </Alert>
        )}
        <QueryView
          query={decisions}
          isEmpty={(data) => data.length === 0}
          empty={<EmptyState icon={<IconGavel aria-hidden />} title={t('decisions.empty')} py="xl" />}
        >
          {(data) => data.map((decision) => <DecisionCard key={decision.id} decision={decision} />)}
        </QueryView>
      </Stack>
    </>
  );
}
