import type { Placement, TradeEventKind } from '../../../../domain/market/index.js';
import { textOrEmpty } from '../../../lib/forms.js';
import type { TradeEvent } from '../api/trade-events.js';
import { placementInput } from './placement.js';

/** One producer at the event: its products shown there, booths and sales. */
export type ParticipantFormValue = { subjectId: string | null; productIds: string[]; booths: number | string; revenueVnd: number | string };

/** Editing state of an event: Selects hold null until chosen, NumberInputs give '' while empty. */
export type TradeEventFormValues = {
  name: string;
  kind: TradeEventKind | null;
  startsOn: string | null;
  endsOn: string | null;
  placement: Placement;
  communeCode: string | null;
  otherProvinceCode: string | null;
  country: string;
  place: string;
  organiser: string;
  booths: number | string;
  visitors: number | string;
  revenueVnd: number | string;
  contracts: number | string;
  note: string;
  externalCode: string;
  participants: ParticipantFormValue[];
};

export const BLANK_PARTICIPANT: ParticipantFormValue = { subjectId: null, productIds: [], booths: '', revenueVnd: '' };

const numberOrEmpty = (value: number | null) => (value === null ? '' : value);
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

export function tradeEventFormValues(event: TradeEvent | undefined): TradeEventFormValues {
  return {
    name: event?.name ?? '',
    kind: event?.kind ?? 'fair',
    startsOn: event?.startsOn ?? null,
    endsOn: event?.endsOn ?? null,
    placement: event?.placement ?? 'in_province',
    communeCode: event?.communeCode ?? null,
    otherProvinceCode: event?.otherProvinceCode ?? null,
    country: textOrEmpty(event?.country),
    place: textOrEmpty(event?.place),
    organiser: textOrEmpty(event?.organiser),
    booths: numberOrEmpty(event?.booths ?? null),
    visitors: numberOrEmpty(event?.visitors ?? null),
    revenueVnd: numberOrEmpty(event?.revenueVnd ?? null),
    contracts: numberOrEmpty(event?.contracts ?? null),
    note: textOrEmpty(event?.note),
    externalCode: textOrEmpty(event?.externalCode),
    participants: (event?.participants ?? []).map((p) => ({
      subjectId: p.subjectId,
      productIds: p.products.map((product) => product.productId),
      booths: numberOrEmpty(p.booths),
      revenueVnd: numberOrEmpty(p.revenueVnd),
    })),
  };
}

/**
 * The API's input of a form: empty numbers are absent, only the place its placement asks for is sent
 * (a country only abroad), and each participant with its figures.
 */
export function toTradeEventInput(values: TradeEventFormValues) {
  return {
    ...values,
    ...placementInput(values),
    country: values.placement === 'abroad' ? values.country : null,
    booths: numberOrNull(values.booths),
    visitors: numberOrNull(values.visitors),
    revenueVnd: numberOrNull(values.revenueVnd),
    contracts: numberOrNull(values.contracts),
    participants: values.participants.map((p) => ({ ...p, booths: numberOrNull(p.booths), revenueVnd: numberOrNull(p.revenueVnd) })),
  };
}
