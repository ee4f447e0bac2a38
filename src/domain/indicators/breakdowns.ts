import type { Message } from '../errors.js';
import {
  DISTRIBUTION_CHANNEL_LABELS,
  ECOMMERCE_PLATFORMS,
  SALES_POINT_KIND_LABELS,
  TRADE_EVENT_KIND_LABELS,
  type DistributionChannel,
  type EcommercePlatform,
  type SalesPointKind,
  type TradeEventKind,
} from '../market/index.js';
import { COMMUNICATION_KIND_LABELS, SUPPORT_AREA_LABELS, type CommunicationKind, type SupportArea } from '../programme/index.js';
import { LEGAL_FORM_LABELS, type LegalForm } from '../subjects/legal-forms.js';
import type { IndicatorBreakdown } from './catalogue.js';

const pick = <K extends string>(labels: Readonly<Record<K, Message>>, key: string): Message | undefined =>
  Object.hasOwn(labels, key) ? labels[key as K] : undefined;

/**
 * The words for one key of an indicator's breakdown ("shopee" → "Shopee", "HTX" → "Hợp tác xã"),
 * for the dashboard and the annual report; a key the lists do not know is shown as it is.
 */
export function breakdownLabel(breakdown: IndicatorBreakdown, key: string): Message {
  const label = (() => {
    switch (breakdown) {
      case 'legalForm':
        return pick<LegalForm>(LEGAL_FORM_LABELS, key);
      case 'star':
        return { vi: `${key} sao`, en: `${key}★` };
      case 'criteriaSet':
        return { vi: `Bộ ${key}`, en: `Set ${key}` };
      case 'platform':
        return Object.hasOwn(ECOMMERCE_PLATFORMS, key) ? ECOMMERCE_PLATFORMS[key as EcommercePlatform].label : undefined;
      case 'channel':
        return pick<DistributionChannel>(DISTRIBUTION_CHANNEL_LABELS, key);
      case 'salesPointKind':
        return pick<SalesPointKind>(SALES_POINT_KIND_LABELS, key);
      case 'eventKind':
        return pick<TradeEventKind>(TRADE_EVENT_KIND_LABELS, key);
      case 'supportArea':
        return pick<SupportArea>(SUPPORT_AREA_LABELS, key);
      case 'communicationKind':
        return pick<CommunicationKind>(COMMUNICATION_KIND_LABELS, key);
    }
  })();
  return label ?? { vi: key, en: key };
}
