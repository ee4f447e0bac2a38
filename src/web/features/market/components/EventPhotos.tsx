import { ActionIcon, AspectRatio, Button, Card, FileButton, Group, Image, Modal, Progress, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifyError, notifySuccess } from '../../../lib/notify.js';
import { useDeleteEventPhoto, useUploadEventPhoto, type TradeEvent } from '../api/trade-events.js';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

type Photo = TradeEvent['photos'][number];

/** The event's photos: thumbnails that open full size; upload with progress and delete for those who keep it. */
export function EventPhotos({ event, canEdit }: { event: TradeEvent; canEdit: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadEventPhoto(event.id);
  const deletePhoto = useDeleteEventPhoto(event.id);
  const [viewing, setViewing] = useState<{ photo: Photo; index: number } | null>(null);
  const [deleting, setDeleting] = useState<Photo | null>(null);
  const alt = (index: number) => t('market.tradeEvents.photos.alt', { index, name: event.name });

  const onFile = (file: File | null) => {
    if (!file) return;
    if (!ACCEPTED_TYPES.includes(file.type as (typeof ACCEPTED_TYPES)[number])) return notifyError(new Error(t('market.tradeEvents.photos.wrongType')));
    upload.mutate(file, { onSuccess: () => notifySuccess(t('market.tradeEvents.photos.uploaded')), onError: (error) => reportMutationError(error) });
  };

  return (
    <Stack>
      {event.photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('market.tradeEvents.photos.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {event.photos.map((photo, i) => (
            <Card key={photo.id} component="li" withBorder padding={0} radius="md" pos="relative" data-testid="event-photo">
              <UnstyledButton onClick={() => setViewing({ photo, index: i + 1 })} aria-label={t('market.tradeEvents.photos.open', { index: i + 1 })}>
                <AspectRatio ratio={4 / 3}>
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
                  aria-label={t('market.tradeEvents.photos.delete', { index: i + 1 })}
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
                  {t('market.tradeEvents.photos.upload')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('market.tradeEvents.photos.hint')}
            </Text>
          </Group>
          {upload.isPending && (
            <Stack gap={4} role="status">
              <Progress value={upload.progress} animated aria-label={t('market.tradeEvents.photos.uploading', { percent: upload.progress })} />
              <Text size="xs" c="dimmed">
                {t('market.tradeEvents.photos.uploading', { percent: upload.progress })}
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
        title={t('market.tradeEvents.photos.deleteTitle')}
        body={t('market.tradeEvents.photos.deleteBody')}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting
            ? deletePhoto.mutateAsync(deleting.id, {
                onSuccess: () => notifySuccess(t('market.tradeEvents.photos.deleted')),
                onError: (error) => reportMutationError(error),
              })
            : Promise.resolve()
        }
      />
    </Stack>
  );
}
