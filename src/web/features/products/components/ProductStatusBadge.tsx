import { Badge } from '@mantine/core';
import type { ProductStatus } from '../api/products.js';
import { PRODUCT_STATUS_COLOR, useProductLabels } from './labels.js';

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  const labels = useProductLabels();
  return <Badge color={PRODUCT_STATUS_COLOR[status]}>{labels.status(status)}</Badge>;
}
