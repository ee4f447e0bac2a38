import { Button, Grid, Stack, Tabs } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { canDeleteProduct, canEditProduct, canViewAudit, isOcopOffice } from '../../../../domain/policies/index.js';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { CreateDossierButton, ProductDossiers } from '../../dossiers/index.js';
import { WhereToBuySection } from '../../market/index.js';
import { ProductSelfAssessments } from '../../self-assessments/index.js';
import { useDeleteProduct, useProduct } from '../api/products.js';
import { EarlierResults } from '../components/EarlierResults.js';
import { OcopCode } from '../components/OcopCode.js';
import { PhotoGallery } from '../components/PhotoGallery.js';
import { ProductHistory } from '../components/ProductHistory.js';
import { ProductCertifications, ProductCharacteristics, ProductGeneral, ProductIpTitles } from '../components/ProductDetails.js';

const TABS = ['info', 'self-assessments', 'dossiers', 'history'] as const;
type Tab = (typeof TABS)[number];
const asTab = (value: string | null): Tab => TABS.find((tab) => tab === value) ?? 'info';

export function ProductDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const product = useProduct(id);
  const deleteProduct = useDeleteProduct();

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
  const requestedTab = asTab(params.get('tab'));
  const tab = requestedTab === 'history' && !showHistory ? 'info' : requestedTab;

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
      <Grid.Col span={12}>
        <WhereToBuySection product={record} />
      </Grid.Col>
      <Grid.Col span={12}>
        <EarlierResults productId={record.id} canAdd={isOcopOffice(actor)} />
      </Grid.Col>
    </Grid>
  );

  return (
    <>
      <PageHeader
        back={back}
        title={record.name}
        description={`${record.subjectName} · ${record.communeName ?? t('subjects.communeUnknown')}`}
        actions={
          <>
            {canEdit && (
              <Button component={Link} to={`/products/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
            )}
            {canEdit && <CreateDossierButton product={record} />}
            {canDeleteProduct(actor, ref) && (
              <ConfirmDeleteButton title={t('products.deleteTitle')} body={t('products.deleteBody', { name: record.name })} onConfirm={remove} />
            )}
          </>
        }
      />
      <Stack>
        <OcopCode code={record.ocopCode} />
        <Tabs value={tab} onChange={(value) => setParams(value && value !== 'info' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="info">{t('products.tabs.info')}</Tabs.Tab>
            <Tabs.Tab value="self-assessments">{t('products.tabs.selfAssessments')}</Tabs.Tab>
            <Tabs.Tab value="dossiers">{t('products.tabs.dossiers')}</Tabs.Tab>
            {showHistory && <Tabs.Tab value="history">{t('products.tabs.history')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="info">{information}</Tabs.Panel>
          <Tabs.Panel value="self-assessments">
            <ProductSelfAssessments productId={record.id} hasCriteriaSet={record.criteriaSetNumber !== null} canStart={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="dossiers">
            <ProductDossiers productId={record.id} />
          </Tabs.Panel>
          {showHistory && (
            <Tabs.Panel value="history">
              <ProductHistory product={record} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
    </>
  );
}
