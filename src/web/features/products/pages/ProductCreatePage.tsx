import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isProducer } from '../../../../domain/policies/index.js';
import { ProductInput } from '../../../../contracts/registry.js';
import { ForbiddenNotice } from '../../../components/ForbiddenNotice.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { contractResolver } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActor } from '../../../lib/session.js';
import { useCreateProduct } from '../api/products.js';
import { ProductForm, productFormValues, type ProductFormValues } from '../components/ProductForm.js';

const resolver = contractResolver<ProductFormValues, typeof ProductInput>(ProductInput);

export function ProductCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const [params] = useSearchParams();
  const createProduct = useCreateProduct();
  const forOwnSubject = isProducer(actor);
  // A producer always registers for its own subject; others may arrive from a subject's page.
  const subjectId = forOwnSubject ? actor.subjectId : params.get('subjectId');
  const defaultValues = useMemo(() => productFormValues(undefined, subjectId), [subjectId]);

  if (forOwnSubject && !actor.subjectId) return <ForbiddenNotice />;

  return (
    <>
      <PageHeader title={t('products.new')} back={{ to: '/products', label: t('products.title') }} />
      <ProductForm
        defaultValues={defaultValues}
        resolver={resolver}
        subjectLocked={forOwnSubject}
        subjectHint={forOwnSubject ? t('products.ownSubject') : undefined}
        submitLabel={t('products.new')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (input) => {
          const product = await createProduct.mutateAsync(input);
          notifySuccess(t('products.created', { code: product.ocopCode }));
          await navigate(`/products/${product.id}`, { replace: true });
        }}
      />
    </>
  );
}
