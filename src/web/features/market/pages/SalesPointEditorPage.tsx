import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ForbiddenNotice } from '../../../components/ForbiddenNotice.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateSalesPoint, useSalesPoint, useUpdateSalesPoint } from '../api/sales-points.js';
import { salesPointFormValues } from '../components/sales-point-form.js';
import { SalesPointForm } from '../components/SalesPointForm.js';

const LIST = '/market/sales-points';

/** A new sales point; an officer's starts in their commune when they have only one. */
export function SalesPointCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useActivityAccess();
  const create = useCreateSalesPoint();
  const communes = access.actor.communeCodes;
  const defaultValues = useMemo(() => salesPointFormValues(undefined, communes.length === 1 ? communes[0]! : null), [communes]);
  const back = { to: LIST, label: t('market.salesPoints.title') };

  if (!access.canCreate)
    return (
      <>
        <PageHeader title={t('market.salesPoints.new')} back={back} />
        <ForbiddenNotice />
      </>
    );
  return (
    <>
      <PageHeader title={t('market.salesPoints.new')} back={back} />
      <SalesPointForm
        defaultValues={defaultValues}
        submitLabel={t('market.salesPoints.create')}
        onCancel={() => void navigate(LIST)}
        onSubmit={async (input) => {
          const point = await create.mutateAsync(input);
          notifySuccess(t('market.salesPoints.created', { name: point.name }));
          await navigate(`${LIST}/${point.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function SalesPointEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useActivityAccess();
  const point = useSalesPoint(id);
  const update = useUpdateSalesPoint(id);
  const defaultValues = useMemo(() => (point.data ? salesPointFormValues(point.data) : null), [point.data]);
  const detailPath = `${LIST}/${id}`;

  if (point.isPending) return <PageLoader />;
  if (point.isError || !defaultValues)
    return (
      <>
        <PageHeader title={t('market.salesPoints.editTitle')} back={{ to: LIST, label: t('market.salesPoints.title') }} />
        <QueryError error={point.error} onRetry={() => void point.refetch()} />
      </>
    );
  const back = { to: detailPath, label: point.data.name };
  if (!access.canEdit(point.data))
    return (
      <>
        <PageHeader title={t('market.salesPoints.editTitle')} back={back} />
        <ForbiddenNotice />
      </>
    );
  return (
    <>
      <PageHeader title={t('market.salesPoints.editTitle')} description={point.data.name} back={back} />
      <SalesPointForm
        key={point.data.updatedAt}
        defaultValues={defaultValues}
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
