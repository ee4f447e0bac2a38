import { PhotoAlbum } from '../../../components/PhotoAlbum.js';
import { useDeletePhoto, useUploadPhoto, type Product } from '../api/products.js';

/** The product's photos: thumbnails that open full size, upload with progress, delete with confirmation. */
export function PhotoGallery({ product, canEdit }: { product: Product; canEdit: boolean }) {
  const upload = useUploadPhoto(product.id);
  const deletePhoto = useDeletePhoto(product.id);
  return (
    <PhotoAlbum
      photos={product.photos}
      name={product.name}
      canEdit={canEdit}
      upload={upload}
      deletePhoto={deletePhoto}
      texts="products.photos"
      cols={{ base: 2, xs: 3 }}
      ratio={1}
      testId="product-photo"
    />
  );
}
