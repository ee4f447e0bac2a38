import {
  CONSENT_LABELS,
  DISTRIBUTION_CHANNEL_LABELS,
  DISTRIBUTION_CHANNELS,
  ECOMMERCE_PLATFORM_CODES,
  ECOMMERCE_PLATFORMS,
  LISTING_STATUS_LABELS,
  LISTING_STATUSES,
  PLACEMENT_LABELS,
  PLACEMENTS,
  SALES_POINT_CHECKLIST,
  SALES_POINT_KIND_LABELS,
  SALES_POINT_KINDS,
  SALES_POINT_LOCATION_LABELS,
  SALES_POINT_LOCATIONS,
  SALES_POINT_STATUS_LABELS,
  SALES_POINT_STATUSES,
  TRADE_EVENT_KIND_LABELS,
  TRADE_EVENT_KINDS,
  type Consent,
  type DistributionChannel,
  type EcommercePlatform,
  type ListingStatus,
  type Placement,
  type SalesPointKind,
  type SalesPointLocation,
  type SalesPointStatus,
  type TradeEventKind,
} from '../../../../domain/market/index.js';
import { useLabel, type Label } from '../../../lib/i18n/index.js';

/** A value of a code list read from the URL or an older record: kept only when the list has it. */
const member =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): value is T =>
    list.includes(value as T);

export const isSalesPointKind = member<SalesPointKind>(SALES_POINT_KINDS);
export const isSalesPointStatus = member<SalesPointStatus>(SALES_POINT_STATUSES);
export const isPlacement = member<Placement>(PLACEMENTS);
export const isListingStatus = member<ListingStatus>(LISTING_STATUSES);
export const isEcommercePlatform = member<EcommercePlatform>(ECOMMERCE_PLATFORM_CODES);
export const isTradeEventKind = member<TradeEventKind>(TRADE_EVENT_KINDS);
const isLocation = member<SalesPointLocation>(SALES_POINT_LOCATIONS);
export const isChannel = member<DistributionChannel>(DISTRIBUTION_CHANNELS);

export const SALES_POINT_STATUS_COLOR: Record<SalesPointStatus, string> = { active: 'teal', suspended: 'orange', closed: 'gray' };
export const LISTING_STATUS_COLOR: Record<ListingStatus, string> = { proposed: 'yellow', approved: 'teal', rejected: 'red' };
export const CONSENT_COLOR: Record<Consent, string> = { pending: 'yellow', given: 'teal', refused: 'red' };

/** The market's code lists (kinds, statuses, platforms…) in the UI language, from the domain's own labels. */
export function useMarketLabels() {
  const label = useLabel();
  const options = <T extends string>(codes: readonly T[], labels: Readonly<Record<T, Label>>) => codes.map((value) => ({ value, label: label(labels[value]) }));
  // Stored values outside today's lists (older records) are shown as recorded.
  const named =
    <T extends string>(is: (value: unknown) => value is T, labels: Readonly<Record<T, Label>>) =>
    (value: string) =>
      is(value) ? label(labels[value]) : value;
  const platformLabels = Object.fromEntries(ECOMMERCE_PLATFORM_CODES.map((code) => [code, ECOMMERCE_PLATFORMS[code].label])) as Record<
    EcommercePlatform,
    Label
  >;
  return {
    kind: named(isSalesPointKind, SALES_POINT_KIND_LABELS),
    status: named(isSalesPointStatus, SALES_POINT_STATUS_LABELS),
    placement: named(isPlacement, PLACEMENT_LABELS),
    location: named(isLocation, SALES_POINT_LOCATION_LABELS),
    consent: (value: Consent) => label(CONSENT_LABELS[value]),
    channel: named(isChannel, DISTRIBUTION_CHANNEL_LABELS),
    platform: named(isEcommercePlatform, platformLabels),
    listingStatus: (value: ListingStatus) => label(LISTING_STATUS_LABELS[value]),
    eventKind: named(isTradeEventKind, TRADE_EVENT_KIND_LABELS),
    checklistItem: (item: (typeof SALES_POINT_CHECKLIST)[number]) => label(item.label),
    kindOptions: options(SALES_POINT_KINDS, SALES_POINT_KIND_LABELS),
    statusOptions: options(SALES_POINT_STATUSES, SALES_POINT_STATUS_LABELS),
    placementOptions: options(PLACEMENTS, PLACEMENT_LABELS),
    locationOptions: options(SALES_POINT_LOCATIONS, SALES_POINT_LOCATION_LABELS),
    channelOptions: options(DISTRIBUTION_CHANNELS, DISTRIBUTION_CHANNEL_LABELS),
    platformOptions: options(ECOMMERCE_PLATFORM_CODES, platformLabels),
    listingStatusOptions: options(LISTING_STATUSES, LISTING_STATUS_LABELS),
    eventKindOptions: options(TRADE_EVENT_KINDS, TRADE_EVENT_KIND_LABELS),
  };
}
