import {
  ActionIcon,
  AspectRatio,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
  type SimpleGridProps,
} from '@mantine/core';
import { IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportMutationError } from '../lib/forms.js';
import { notifyError, notifySuccess } from '../lib/notify.js';
import { ConfirmDeleteDialog } from './ConfirmDeleteButton.js';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

type Photo = { id: string; url: string; thumbUrl: string };

type MutationCallbacks = { onSuccess: () => void; onError: (error: Error) => void };

/** The record whose photos these are, and so which texts the album speaks with. */
type AlbumTexts = 'products.photos' | 'market.tradeEvents.photos';

/**
 * A record's photos: thumbnails that open full size; upload with progress and delete with
 * confirmation for those who may edit the record.
 */
export function PhotoAlbum({
  photos,
  name,
  canEdit,
  upload,
  deletePhoto,
  texts,
  cols,
  ratio,
  testId,
}: {
  photos: readonly Photo[];
  /** The record's name, in each photo's alternative text. */
  name: string;
  canEdit: boolean;
  upload: { mutate: (file: File, callbacks: MutationCallbacks) => void; isPending: boolean; progress: number };
  deletePhoto: { mutateAsync: (photoId: string, callbacks: MutationCallbacks) => Promise<unknown> };
  texts: AlbumTexts;
  cols: SimpleGridProps['cols'];
  ratio: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<{ photo: Photo; index: number } | null>(null);
  const [deleting, setDeleting] = useState<Photo | null>(null);
  const alt = (index: number) => t(`${texts}.alt`, { index, name });

  const onFile = (file: File | null) => {
    if (!file) return;
    if (!ACCEPTED_TYPES.includes(file.type as (typeof ACCEPTED_TYPES)[number])) return notifyError(new Error(t(`${texts}.wrongType`)));
    upload.mutate(file, { onSuccess: () => notifySuccess(t(`${texts}.uploaded`)), onError: (error) => reportMutationError(error) });
  };

  return (
    <Stack>
      {photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${texts}.none`)}
        </Text>
      ) : (
        <SimpleGrid cols={cols} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {photos.map((photo, i) => (
            <Card key={photo.id} component="li" withBorder padding={0} radius="md" pos="relative" data-testid={testId}>
              <UnstyledButton onClick={() => setViewing({ photo, index: i + 1 })} aria-label={t(`${texts}.open`, { index: i + 1 })}>
                <AspectRatio ratio={ratio}>
                  <Image src={photo.thumbUrl} alt={alt(i + 1)} fit="cover" loading="lazy" />
                </AspectRatio>
              </UnstyledButton>
              {canEdit && (
                <ActionIcon
                  pos="absolute"
                  top={6}
                  right={6}
                  color="red"
                  variant="white"
                  aria-label={t(`${texts}.delete`, { index: i + 1 })}
                  onClick={() => setDeleting(photo)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}

      {canEdit && (
        <Stack gap={6}>
          <Group gap="sm">
            <FileButton onChange={onFile} accept={ACCEPTED_TYPES.join(',')} disabled={upload.isPending}>
              {(props) => (
                <Button {...props} leftSection={<IconPhotoPlus size={16} aria-hidden />} variant="light" loading={upload.isPending}>
                  {t(`${texts}.upload`)}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t(`${texts}.hint`)}
            </Text>
          </Group>
          {upload.isPending && (
            <Stack gap={4} role="status">
              <Progress value={upload.progress} animated aria-label={t(`${texts}.uploading`, { percent: upload.progress })} />
              <Text size="xs" c="dimmed">
                {t(`${texts}.uploading`, { percent: upload.progress })}
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
        title={viewing ? alt(viewing.index) : ''}
        centered
      >
        {viewing && <Image src={viewing.photo.url} alt={alt(viewing.index)} fit="contain" mah="75vh" />}
      </Modal>
      <ConfirmDeleteDialog
        opened={deleting !== null}
        title={t(`${texts}.deleteTitle`)}
        body={t(`${texts}.deleteBody`)}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting
            ? deletePhoto.mutateAsync(deleting.id, {
                onSuccess: () => notifySuccess(t(`${texts}.deleted`)),
                onError: (error) => reportMutationError(error),
              })
            : Promise.resolve()
        }
      />
    </Stack>
  );
}
