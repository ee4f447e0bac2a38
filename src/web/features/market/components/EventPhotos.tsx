import { PhotoAlbum } from '../../../components/PhotoAlbum.js';
import { useDeleteEventPhoto, useUploadEventPhoto, type TradeEvent } from '../api/trade-events.js';

/** The event's photos: thumbnails that open full size; upload with progress and delete for those who keep it. */
export function EventPhotos({ event, canEdit }: { event: TradeEvent; canEdit: boolean }) {
  const upload = useUploadEventPhoto(event.id);
  const deletePhoto = useDeleteEventPhoto(event.id);
  return (
    <PhotoAlbum
      photos={event.photos}
      name={event.name}
      canEdit={canEdit}
      upload={upload}
      deletePhoto={deletePhoto}
      texts="market.tradeEvents.photos"
      cols={{ base: 2, xs: 3, md: 5 }}
      ratio={4 / 3}
      testId="event-photo"
    />
  );
}
