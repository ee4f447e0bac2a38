import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ProductUpdate } from '../../../../contracts/registry.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { contractResolver } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useProduct, useUpdateProduct } from '../api/products.js';
import { ProductForm, productFormValues, type ProductFormValues } from '../components/ProductForm.js';

// ProductUpdate has no subjectId: the form shows the subject but never sends it.
const resolver = contractResolver<ProductFormValues, typeof ProductUpdate>(ProductUpdate);

export function ProductEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const product = useProduct(id);
  const updateProduct = useUpdateProduct(id);
  const defaultValues = useMemo(() => (product.data ? productFormValues(product.data, product.data.subjectId) : null), [product.data]);
  const detailPath = `/products/${id}`;

  if (product.isPending) return <PageLoader />;
  if (product.isError || !defaultValues) return <QueryError error={product.error} onRetry={() => void product.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('products.editTitle')}
        description={`${product.data.name} · ${product.data.ocopCode}`}
        breadcrumbs={[{ to: '/products', label: t('products.title') }, { to: detailPath, label: product.data.name }, { label: t('home.crumbs.edit') }]}
      />
      <ProductForm
        key={product.data.updatedAt}
        defaultValues={defaultValues}
        resolver={resolver}
        subjectLocked
        subjectHint={t('products.subjectLocked')}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(detailPath)}
        onSubmit={async (input) => {
          await updateProduct.mutateAsync(input);
          notifySuccess(t('common.saved'));
          await navigate(detailPath, { replace: true });
        }}
      />
    </>
  );
}
