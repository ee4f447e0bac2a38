import { EmptyState } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDossiers } from '../../dossiers/index.js';
import { useCreateDecision } from '../api/decisions.js';
import { DecisionForm } from '../components/DecisionForm.js';

export function DecisionCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const scored = useDossiers({ page: 1, pageSize: 200, state: 'scored', kind: null, roundId: null });
  const create = useCreateDecision();
  const back = { to: '/decisions', label: t('decisions.title') };

  return (
    <>
      <PageHeader title={t('decisions.new')} description={t('decisions.newIntro')} back={back} />
      {scored.isPending ? (
        <PageLoader />
      ) : scored.isError ? (
        <QueryError error={scored.error} onRetry={() => void scored.refetch()} />
      ) : scored.data.items.length === 0 ? (
        <EmptyState icon={<IconGavel aria-hidden />} title={t('decisions.noScored')} description={t('decisions.noScoredHint')} py="xl" />
      ) : (
        <DecisionForm
          dossiers={scored.data.items}
          preselected={params.get('dossier')}
          onCancel={() => void navigate('/decisions')}
          onSubmit={async (body) => {
            const decision = await create.mutateAsync(body);
            notifySuccess(t('decisions.created', { number: decision.number, count: decision.items.filter((i) => i.certificateId).length }));
            await navigate('/decisions');
          }}
        />
      )}
    </>
  );
}
