import { ActionIcon, AspectRatio, Button, Card, FileButton, Group, Image, Modal, Progress, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifyError, notifySuccess } from '../../../lib/notify.js';
import { useDeletePhoto, useUploadPhoto, type Product } from '../api/products.js';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

type Photo = Product['photos'][number];

/** The product's photos: thumbnails that open full size, upload with progress, delete with confirmation. */
export function PhotoGallery({ product, canEdit }: { product: Product; canEdit: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadPhoto(product.id);
  const deletePhoto = useDeletePhoto(product.id);
  const [viewing, setViewing] = useState<{ photo: Photo; index: number } | null>(null);
  const [deleting, setDeleting] = useState<{ photo: Photo; index: number } | null>(null);

  const onFile = (file: File | null) => {
    if (!file) return;
    if (!ACCEPTED_TYPES.includes(file.type as (typeof ACCEPTED_TYPES)[number])) {
      notifyError(new Error(t('products.photos.wrongType')));
      return;
    }
    upload.mutate(file, {
      onSuccess: () => notifySuccess(t('products.photos.uploaded')),
      onError: (error) => reportMutationError(error),
    });
  };

  return (
    <Stack>
      {product.photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('products.photos.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {product.photos.map((photo, i) => {
            const index = i + 1;
            return (
              <Card key={photo.id} component="li" withBorder padding={0} radius="md" pos="relative" data-testid="product-photo">
                <UnstyledButton onClick={() => setViewing({ photo, index })} aria-label={t('products.photos.open', { index })}>
                  <AspectRatio ratio={1}>
                    <Image src={photo.thumbUrl} alt={t('products.photos.alt', { index, name: product.name })} fit="cover" loading="lazy" />
                  </AspectRatio>
                </UnstyledButton>
                {canEdit && (
                  <ActionIcon
                    pos="absolute"
                    top={6}
                    right={6}
                    color="red"
                    variant="white"
                    aria-label={t('products.photos.delete', { index })}
                    onClick={() => setDeleting({ photo, index })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}

      {canEdit && (
        <Stack gap={6}>
          <Group gap="sm">
            <FileButton onChange={onFile} accept={ACCEPTED_TYPES.join(',')} disabled={upload.isPending}>
              {(props) => (
                <Button {...props} leftSection={<IconPhotoPlus size={16} aria-hidden />} variant="light" loading={upload.isPending}>
                  {t('products.photos.upload')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('products.photos.hint')}
            </Text>
          </Group>
          {upload.isPending && (
            <Stack gap={4} role="status">
              <Progress value={upload.progress} animated aria-label={t('products.photos.uploading', { percent: upload.progress })} />
              <Text size="xs" c="dimmed">
                {t('products.photos.uploading', { percent: upload.progress })}
              </Text>
            </Stack>
          )}
        </Stack>
      )}

      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        size="xl"
        title={viewing ? t('products.photos.alt', { index: viewing.index, name: product.name }) : ''}
        centered
      >
        {viewing && <Image src={viewing.photo.url} alt={t('products.photos.alt', { index: viewing.index, name: product.name })} fit="contain" mah="75vh" />}
      </Modal>

      <ConfirmDeleteDialog
        opened={deleting !== null}
        title={t('products.photos.deleteTitle')}
        body={t('products.photos.deleteBody')}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting
            ? deletePhoto.mutateAsync(deleting.photo.id, {
                onSuccess: () => notifySuccess(t('products.photos.deleted')),
                onError: (error) => reportMutationError(error),
              })
            : Promise.resolve()
        }
      />
    </Stack>
  );
}
