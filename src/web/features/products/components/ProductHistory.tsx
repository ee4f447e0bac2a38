import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { criteriaSetLabel, useCriteriaSets } from '../../../lib/reference.js';
import { HistoryTimeline } from '../../audit/index.js';
import type { Product } from '../api/products.js';
import { isProductStatus, useProductLabels } from './labels.js';

/** History rows in the order of the registration form. */
const PRODUCT_FIELD_ORDER = [
  'subjectId',
  'name',
  'ocopCode',
  'criteriaSetNumber',
  'criteriaLegalBasis',
  'status',
  'description',
  'ingredients',
  'packaging',
  'netContent',
  'barcode',
  'qualityDeclarationNo',
  'certifications',
  'ipTitles',
  'photos',
];

/** The product's change history (admins), with codes shown as their labels. */
export function ProductHistory({ product }: { product: Product }) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  const criteriaSets = useCriteriaSets().data;
  const criteriaSetName = (number: number) => {
    const set = criteriaSets?.find((s) => s.number === number);
    return set ? criteriaSetLabel(set) : String(number);
  };
  return (
    <SectionCard>
      <HistoryTimeline
        collection="products"
        id={product.id}
        fieldLabel={(field) => (field === 'photos' ? t('products.photos.title') : labels.field(field))}
        fieldOrder={PRODUCT_FIELD_ORDER}
        valueLabel={(field, value) => {
          if (field === 'status' && isProductStatus(value)) return labels.status(value);
          if (field === 'photos' && typeof value === 'number') return t('audit.photoCount', { count: value });
          // The subject never changes, so the recorded id is the current subject.
          if (field === 'subjectId' && value === product.subjectId) return product.subjectName;
          if (field === 'criteriaSetNumber' && typeof value === 'number') return criteriaSetName(value);
          return undefined;
        }}
      />
    </SectionCard>
  );
}
