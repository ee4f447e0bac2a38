import { useTranslation } from 'react-i18next';
import { CERTIFICATION_KINDS, IP_TITLE_KINDS, PRODUCT_STATUSES } from '../../../../contracts/registry.js';
import type { ProductStatus } from '../api/products.js';

export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
export type IpTitleKind = (typeof IP_TITLE_KINDS)[number];

export const isCertificationKind = (value: unknown): value is CertificationKind => CERTIFICATION_KINDS.includes(value as CertificationKind);
export const isIpTitleKind = (value: unknown): value is IpTitleKind => IP_TITLE_KINDS.includes(value as IpTitleKind);
export const isProductStatus = (value: unknown): value is ProductStatus => PRODUCT_STATUSES.includes(value as ProductStatus);

export const PRODUCT_STATUS_COLOR: Record<ProductStatus, string> = { active: 'teal', discontinued: 'gray' };

/** Labels and Select options of the product code lists, in the UI language. */
export function useProductLabels() {
  const { t, i18n } = useTranslation();
  const status = (code: ProductStatus) => t(`products.statuses.${code}`);
  /** Unknown kinds (older records) are shown as recorded. */
  const certificationKind = (kind: string) => (isCertificationKind(kind) ? t(`products.certificationKinds.${kind}`) : kind);
  const ipTitleKind = (kind: string) => (isIpTitleKind(kind) ? t(`products.ipTitleKinds.${kind}`) : kind);
  return {
    status,
    certificationKind,
    ipTitleKind,
    statusOptions: PRODUCT_STATUSES.map((code) => ({ value: code, label: status(code) })),
    certificationKindOptions: CERTIFICATION_KINDS.map((kind) => ({ value: kind, label: certificationKind(kind) })),
    ipTitleKindOptions: IP_TITLE_KINDS.map((kind) => ({ value: kind, label: ipTitleKind(kind) })),
    field: (name: string): string => {
      const key = `products.fields.${name}`;
      return i18n.exists(key) ? t(key as 'products.fields.name') : name;
    },
  };
}
