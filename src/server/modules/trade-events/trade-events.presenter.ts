import type { TradeEvent, TradeEventListItem } from '../../../contracts/market.js';
import type { EventProductRow, ParticipantRow, PhotoRow, TradeEventRow } from './trade-events.repository.js';

/** Photos are served through the API, which checks the caller may read the event. */
const photoUrl = (eventId: string, photoId: string) => `/api/v1/trade-events/${eventId}/photos/${photoId}`;

/** An event as its list shows it: how many producers took part and how many products they showed. */
export const presentTradeEventItem = (row: TradeEventRow): TradeEventListItem => ({
  id: row.id,
  provinceCode: row.provinceCode,
  externalCode: row.externalCode,
  name: row.name,
  kind: row.kind as TradeEvent['kind'],
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  placement: row.placement as TradeEvent['placement'],
  place: row.place,
  communeCode: row.communeCode,
  communeName: row.communeName,
  otherProvinceCode: row.otherProvinceCode,
  country: row.country,
  organiser: row.organiser,
  booths: row.booths,
  visitors: row.visitors,
  revenueVnd: row.revenueVnd,
  contracts: row.contracts,
  note: row.note,
  participantCount: row.participantCount,
  productCount: row.productCount,
  updatedAt: row.updatedAt.toISOString(),
});

/** An event with the participants the caller may see (the others only counted), their products, and its photos. */
export function presentTradeEvent(
  row: TradeEventRow,
  participants: readonly ParticipantRow[],
  otherParticipantCount: number,
  shownProducts: readonly EventProductRow[],
  photos: readonly PhotoRow[],
): TradeEvent {
  const { participantCount: _p, productCount: _n, ...event } = presentTradeEventItem(row);
  return {
    ...event,
    participants: participants.map((p) => ({
      subjectId: p.subjectId,
      subjectName: p.subjectName,
      booths: p.booths,
      revenueVnd: p.revenueVnd,
      products: shownProducts.filter((s) => s.subjectId === p.subjectId).map((s) => ({ productId: s.productId, productName: s.productName })),
    })),
    otherParticipantCount,
    photos: photos.map((p) => ({
      id: p.id,
      url: photoUrl(row.id, p.id),
      thumbUrl: `${photoUrl(row.id, p.id)}?size=thumb`,
      width: p.width,
      height: p.height,
    })),
  };
}
