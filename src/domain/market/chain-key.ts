import { foldVietnamese } from '../text/vietnamese.js';

/**
 * The form a chain's name is compared in: folded, letters and digits only, so "Co.op Mart",
 * "CoopMart" and "co op mart" are one chain and a product is listed once per chain.
 */
export const chainKey = (name: string) => foldVietnamese(name).replace(/[^a-z0-9]/g, '');
