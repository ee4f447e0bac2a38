import { Avatar } from '@mantine/core';
import { IconPhotoOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../api/products.js';

/** First photo of a product as a small square, or a placeholder that says there is none. */
export function ProductThumb({ product, size = 48 }: { product: Product; size?: number }) {
  const { t } = useTranslation();
  const photo = product.photos[0];
  return (
    <Avatar
      src={photo?.thumbUrl ?? null}
      alt={photo ? t('products.photos.alt', { index: 1, name: product.name }) : t('products.noPhoto')}
      size={size}
      radius="sm"
      color="gray"
      variant="light"
      imageProps={{ loading: 'lazy' }}
      title={photo ? undefined : t('products.noPhoto')}
    >
      <IconPhotoOff size={size / 2.4} aria-hidden />
    </Avatar>
  );
}
