import { normaliseListingUrl, checkListingPlatform, type DistributionChannel, type EcommercePlatform } from '../../../../domain/market/index.js';
import type { Message } from '../../../../domain/errors.js';
import { textOrEmpty } from '../../../lib/forms.js';
import type { DistributionListing, EcommerceListing } from '../api/listings.js';

/** Editing state of an e-commerce listing: Selects hold null until chosen. */
export type EcommerceFormValues = { productId: string | null; platform: EcommercePlatform | null; url: string; active: boolean; lastCheckedOn: string | null };

export const ecommerceFormValues = (listing: EcommerceListing | undefined, productId: string | null = null): EcommerceFormValues => ({
  productId: listing?.productId ?? productId,
  platform: listing?.platform ?? null,
  url: listing?.url ?? '',
  active: listing?.active ?? true,
  lastCheckedOn: listing?.lastCheckedOn ?? null,
});

/**
 * What the server will keep of a typed URL, shown under the input before saving: its normalised
 * form, or why it will be refused (the URL's problem, or a platform its host contradicts). The
 * server decides again on save.
 */
export function previewListingUrl(url: string, platform: EcommercePlatform | null): { url: string | null; problem: Message | null } | null {
  if (!url.trim()) return null;
  const normalised = normaliseListingUrl(url);
  if (!normalised.ok) return { url: null, problem: normalised.message };
  return { url: normalised.url, problem: platform ? checkListingPlatform(platform, normalised.url) : null };
}

/** Editing state of a chain listing: NumberInputs give '' while empty. */
export type DistributionFormValues = {
  productId: string | null;
  chain: string;
  channel: DistributionChannel;
  stores: number | string;
  since: string | null;
  active: boolean;
  note: string;
};

export const distributionFormValues = (listing: DistributionListing | undefined, productId: string | null = null): DistributionFormValues => ({
  productId: listing?.productId ?? productId,
  chain: listing?.chain ?? '',
  channel: listing?.channel ?? 'supermarket',
  stores: listing?.stores ?? '',
  since: listing?.since ?? null,
  active: listing?.active ?? true,
  note: textOrEmpty(listing?.note),
});

export const toDistributionInput = (values: DistributionFormValues) => ({ ...values, stores: values.stores === '' ? null : Number(values.stores) });
