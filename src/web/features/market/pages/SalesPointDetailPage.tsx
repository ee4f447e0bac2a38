import { Button, Grid, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActivityAccess } from '../../../lib/activity-access.js';
import { formatDate, formatDateTime, orDash } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeleteSalesPoint, useSalesPoint } from '../api/sales-points.js';
import { CarriedProducts } from '../components/CarriedProducts.js';
import { ChecklistView } from '../components/ChecklistView.js';
import { useMarketLabels } from '../components/labels.js';
import { SalesPointStatusBadge, usePlaceText } from '../components/SalesPointResults.js';

const LIST = '/market/sales-points';
const coordinates = (latitude: number | null, longitude: number | null) =>
  latitude === null || longitude === null
    ? '—'
    : `${latitude.toLocaleString('vi-VN', { maximumFractionDigits: 6 })}; ${longitude.toLocaleString('vi-VN', { maximumFractionDigits: 6 })}`;

/** One sales point: what and where it is, its checklist, and the products it carries with their producers' consent. */
export function SalesPointDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const place = usePlaceText();
  const navigate = useNavigate();
  const access = useActivityAccess();
  const point = useSalesPoint(id);
  const remove = useDeleteSalesPoint();
  const back = { to: LIST, label: t('market.salesPoints.title') };

  if (point.isPending) return <PageLoader />;
  if (point.isError)
    return (
      <>
        <PageHeader title={t('market.salesPoints.title')} back={back} />
        <QueryError error={point.error} onRetry={() => void point.refetch()} />
      </>
    );

  const record = point.data;
  const canEdit = access.canEdit(record);
  return (
    <>
      <PageHeader
        back={back}
        title={record.name}
        description={`${labels.kind(record.kind)} · ${place(record)}`}
        actions={
          canEdit && (
            <>
              <Button component={Link} to={`${LIST}/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
              <ConfirmDeleteButton
                title={t('market.salesPoints.deleteTitle')}
                body={t('market.salesPoints.deleteBody', { name: record.name })}
                onConfirm={() =>
                  remove.mutateAsync(record.id, {
                    onSuccess: () => {
                      notifySuccess(t('market.salesPoints.deleted'));
                      void navigate(LIST, { replace: true });
                    },
                    onError: (error) => reportMutationError(error),
                  })
                }
              />
            </>
          )
        }
      />
      <Stack>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SectionCard title={t('market.salesPoints.sections.general')}>
              <FieldList
                items={[
                  { label: t('market.salesPoints.fields.kind'), value: labels.kind(record.kind) },
                  { label: t('market.salesPoints.fields.operator'), value: orDash(record.operator) },
                  { label: t('market.salesPoints.fields.phone'), value: orDash(record.phone) },
                  { label: t('market.placement.label'), value: [...new Set([labels.placement(record.placement), place(record)])].join(' · ') },
                  { label: t('market.salesPoints.fields.address'), value: orDash(record.address) },
                  { label: t('market.salesPoints.fields.coordinates'), value: coordinates(record.latitude, record.longitude) },
                  { label: t('market.salesPoints.fields.locationType'), value: record.locationType ? labels.location(record.locationType) : '—' },
                  { label: t('market.salesPoints.fields.openedOn'), value: formatDate(record.openedOn) },
                  { label: t('market.salesPoints.fields.status'), value: <SalesPointStatusBadge status={record.status} /> },
                  ...(record.closedOn ? [{ label: t('market.salesPoints.fields.closedOn'), value: formatDate(record.closedOn) }] : []),
                  { label: t('market.salesPoints.fields.externalCode'), value: orDash(record.externalCode) },
                  { label: t('market.salesPoints.fields.note'), value: orDash(record.note) },
                  { label: t('market.fields.updatedAt'), value: formatDateTime(record.updatedAt) },
                ]}
              />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SectionCard title={t('market.salesPoints.sections.checklist')}>
              <ChecklistView checklist={record.checklist} met={record.checklistMet} total={record.checklistTotal} />
            </SectionCard>
          </Grid.Col>
        </Grid>
        <CarriedProducts point={record} canEdit={canEdit} />
      </Stack>
    </>
  );
}
