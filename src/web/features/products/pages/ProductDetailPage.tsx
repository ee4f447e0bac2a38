import { Button, Grid, Stack, Tabs } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { canDeleteProduct, canEditProduct, canViewAudit } from '../../../../domain/policies/index.js';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { reportMutationError } from '../../../lib/forms.js';
import { criteriaSetLabel, useCriteriaSets } from '../../../lib/reference.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { HistoryTimeline } from '../../audit/index.js';
import { useDeleteProduct, useProduct } from '../api/products.js';
import { isProductStatus, useProductLabels } from '../components/labels.js';
import { OcopCode } from '../components/OcopCode.js';
import { PhotoGallery } from '../components/PhotoGallery.js';
import { ProductCertifications, ProductCharacteristics, ProductGeneral, ProductIpTitles } from '../components/ProductDetails.js';

/** History rows in the order of the registration form. */
const PRODUCT_FIELD_ORDER = ['subjectId', 'name', 'ocopCode', 'criteriaSetNumber', 'criteriaLegalBasis', 'status', 'description', 'ingredients', 'packaging', 'netContent', 'barcode', 'qualityDeclarationNo', 'certifications', 'ipTitles', 'photos'];

export function ProductDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useProductLabels();
  const actor = useActor();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const product = useProduct(id);
  const deleteProduct = useDeleteProduct();
  const criteriaSets = useCriteriaSets().data;
  const criteriaSetName = (number: number) => {
    const set = criteriaSets?.find((s) => s.number === number);
    return set ? criteriaSetLabel(set) : String(number);
  };

  const back = { to: '/products', label: t('products.title') };
  if (product.isPending) return <PageLoader />;
  if (product.isError)
    return (
      <>
        <PageHeader title={t('products.title')} back={back} />
        <QueryError error={product.error} onRetry={() => void product.refetch()} />
      </>
    );

  const record = product.data;
  // Products follow their subject's scope.
  const ref = { id: record.subjectId, provinceCode: record.provinceCode, communeCode: record.communeCode };
  const canEdit = canEditProduct(actor, ref);
  const showHistory = canViewAudit(actor);
  const tab = params.get('tab') === 'history' && showHistory ? 'history' : 'info';

  const remove = () =>
    deleteProduct.mutateAsync(record.id, {
      onSuccess: () => {
        notifySuccess(t('products.deleted'));
        void navigate('/products', { replace: true });
      },
      onError: (error) => reportMutationError(error),
    });

  const information = (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <SectionCard title={t('products.photos.title')}>
          <PhotoGallery product={record} canEdit={canEdit} />
        </SectionCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <ProductGeneral product={record} />
          <ProductCharacteristics product={record} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={12}>
        <ProductCertifications product={record} />
      </Grid.Col>
      <Grid.Col span={12}>
        <ProductIpTitles product={record} />
      </Grid.Col>
    </Grid>
  );

  return (
    <>
      <PageHeader
        back={back}
        title={record.name}
        description={`${record.subjectName} · ${record.communeName}`}
        actions={
          <>
            {canEdit && (
              <Button component={Link} to={`/products/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
            )}
            {canDeleteProduct(actor, ref) && <ConfirmDeleteButton title={t('products.deleteTitle')} body={t('products.deleteBody', { name: record.name })} onConfirm={remove} />}
          </>
        }
      />
      <Stack>
        <OcopCode code={record.ocopCode} />
        {showHistory ? (
          <Tabs value={tab} onChange={(value) => setParams(value === 'history' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="info">{t('products.tabs.info')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('products.tabs.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="info">{information}</Tabs.Panel>
            <Tabs.Panel value="history">
              <SectionCard>
                <HistoryTimeline
                  collection="products"
                  id={record.id}
                  fieldLabel={(field) => (field === 'photos' ? t('products.photos.title') : labels.field(field))}
                  fieldOrder={PRODUCT_FIELD_ORDER}
                  valueLabel={(field, value) => {
                    if (field === 'status' && isProductStatus(value)) return labels.status(value);
                    if (field === 'photos' && typeof value === 'number') return t('audit.photoCount', { count: value });
                    // The subject never changes, so the recorded id is the current subject.
                    if (field === 'subjectId' && value === record.subjectId) return record.subjectName;
                    if (field === 'criteriaSetNumber' && typeof value === 'number') return criteriaSetName(value);
                    return undefined;
                  }}
                />
              </SectionCard>
            </Tabs.Panel>
          </Tabs>
        ) : (
          information
        )}
      </Stack>
    </>
  );
}
