import {
  SALES_POINT_CHECKLIST,
  type Placement,
  type SalesPointChecklistCode,
  type SalesPointKind,
  type SalesPointLocation,
  type SalesPointStatus,
} from '../../../../domain/market/index.js';
import { textOrEmpty } from '../../../lib/forms.js';
import type { SalesPoint } from '../api/sales-points.js';
import { placementInput } from './placement.js';

/** Editing state of a sales point: Selects hold null until chosen, NumberInputs give '' while empty. */
export type SalesPointFormValues = {
  kind: SalesPointKind | null;
  name: string;
  operator: string;
  address: string;
  phone: string;
  placement: Placement;
  communeCode: string | null;
  otherProvinceCode: string | null;
  latitude: number | string;
  longitude: number | string;
  locationType: SalesPointLocation | null;
  openedOn: string | null;
  status: SalesPointStatus;
  closedOn: string | null;
  checklist: Record<SalesPointChecklistCode, boolean>;
  note: string;
  externalCode: string;
};

const numberOrEmpty = (value: number | null) => (value === null ? '' : value);
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

/** The form of a point being edited, or of a new one (`communeCode` preset for an officer's own commune). */
export function salesPointFormValues(point: SalesPoint | undefined, communeCode: string | null = null): SalesPointFormValues {
  return {
    kind: point?.kind ?? 'ocop_point',
    name: point?.name ?? '',
    operator: textOrEmpty(point?.operator),
    address: textOrEmpty(point?.address),
    phone: textOrEmpty(point?.phone),
    placement: point?.placement ?? 'in_province',
    communeCode: point ? point.communeCode : communeCode,
    otherProvinceCode: point?.otherProvinceCode ?? null,
    latitude: numberOrEmpty(point?.latitude ?? null),
    longitude: numberOrEmpty(point?.longitude ?? null),
    locationType: (point?.locationType as SalesPointLocation | null | undefined) ?? null,
    openedOn: point?.openedOn ?? null,
    status: point?.status ?? 'active',
    closedOn: point?.closedOn ?? null,
    checklist: Object.fromEntries(SALES_POINT_CHECKLIST.map(({ code }) => [code, point?.checklist[code] === true])) as Record<SalesPointChecklistCode, boolean>,
    note: textOrEmpty(point?.note),
    externalCode: textOrEmpty(point?.externalCode),
  };
}

/**
 * The API's input of a form: empty numbers are absent, and only the place its placement asks for is
 * sent (the form keeps the others, so switching placement back and forth loses nothing typed); a
 * closing date only for a closed point.
 */
export function toSalesPointInput(values: SalesPointFormValues) {
  return {
    ...values,
    ...placementInput(values),
    latitude: numberOrNull(values.latitude),
    longitude: numberOrNull(values.longitude),
    closedOn: values.status === 'closed' ? values.closedOn : null,
  };
}
