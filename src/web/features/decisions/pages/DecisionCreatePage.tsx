import { EmptyState } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { officeLevel } from '../../../../domain/policies/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { useCreateDecision } from '../api/decisions.js';
import { DecisionForm } from '../components/DecisionForm.js';
import { useDossiersAwaitingDecision } from '../api/awaiting.js';

export function DecisionCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const [params] = useSearchParams();
  const awaiting = useDossiersAwaitingDecision(officeLevel(actor) === 'ministry');
  const create = useCreateDecision();
  const back = { to: '/decisions', label: t('decisions.title') };

  return (
    <>
      <PageHeader title={t('decisions.new')} description={t('decisions.newIntro')} back={back} />
      <QueryView
        query={awaiting}
        isEmpty={(dossiers) => dossiers.length === 0}
        empty={<EmptyState icon={<IconGavel aria-hidden />} title={t('decisions.noScored')} description={t('decisions.noScoredHint')} py="xl" />}
      >
        {(dossiers) => (
          <DecisionForm
            dossiers={dossiers}
            preselected={params.get('dossier')}
            onCancel={() => void navigate('/decisions')}
            onSubmit={async (body) => {
              const decision = await create.mutateAsync(body);
              notifySuccess(
                decision.kind === 'approval'
                  ? t('decisions.createdApproval', { number: decision.number, count: decision.items.length })
                  : t('decisions.created', { number: decision.number, count: decision.items.filter((i) => i.certificateId).length }),
              );
              await navigate('/decisions');
            }}
          />
        )}
      </QueryView>
    </>
  );
}
