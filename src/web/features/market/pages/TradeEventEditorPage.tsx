import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ForbiddenNotice } from '../../../components/ForbiddenNotice.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateTradeEvent, useTradeEvent, useUpdateTradeEvent } from '../api/trade-events.js';
import { tradeEventFormValues } from '../components/trade-event-form.js';
import { TradeEventForm } from '../components/TradeEventForm.js';

const LIST = '/market/trade-events';

export function TradeEventCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useActivityAccess();
  const create = useCreateTradeEvent();
  const defaultValues = useMemo(() => tradeEventFormValues(undefined), []);
  const back = { to: LIST, label: t('market.tradeEvents.title') };

  if (!access.canCreate)
    return (
      <>
        <PageHeader title={t('market.tradeEvents.new')} back={back} />
        <ForbiddenNotice />
      </>
    );
  return (
    <>
      <PageHeader title={t('market.tradeEvents.new')} back={back} />
      <TradeEventForm
        defaultValues={defaultValues}
        submitLabel={t('market.tradeEvents.create')}
        onCancel={() => void navigate(LIST)}
        onSubmit={async (input) => {
          const event = await create.mutateAsync(input);
          notifySuccess(t('market.tradeEvents.created', { name: event.name }));
          await navigate(`${LIST}/${event.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function TradeEventEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useActivityAccess();
  const event = useTradeEvent(id);
  const update = useUpdateTradeEvent(id);
  const defaultValues = useMemo(() => (event.data ? tradeEventFormValues(event.data) : null), [event.data]);
  const detailPath = `${LIST}/${id}`;

  if (event.isPending) return <PageLoader />;
  if (event.isError || !defaultValues)
    return (
      <>
        <PageHeader title={t('market.tradeEvents.editTitle')} back={{ to: LIST, label: t('market.tradeEvents.title') }} />
        <QueryError error={event.error} onRetry={() => void event.refetch()} />
      </>
    );
  const back = { to: detailPath, label: event.data.name };
  if (!access.canEdit(event.data))
    return (
      <>
        <PageHeader title={t('market.tradeEvents.editTitle')} back={back} />
        <ForbiddenNotice />
      </>
    );
  return (
    <>
      <PageHeader title={t('market.tradeEvents.editTitle')} description={event.data.name} back={back} />
      <TradeEventForm
        key={event.data.updatedAt}
        defaultValues={defaultValues}
        otherParticipantCount={event.data.otherParticipantCount}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(detailPath)}
        onSubmit={async (input) => {
          await update.mutateAsync(input);
          notifySuccess(t('common.saved'));
          await navigate(detailPath, { replace: true });
        }}
      />
    </>
  );
}
