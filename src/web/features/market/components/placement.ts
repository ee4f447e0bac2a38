import type { Placement } from '../../../../domain/market/index.js';

type PlacementValues = { placement: Placement; communeCode: string | null; otherProvinceCode: string | null };

/**
 * The place of a record as sent: a commune in the province, another province, or neither abroad
 * (placementProblems refuses any other combination).
 */
export function placementInput({ placement, communeCode, otherProvinceCode }: PlacementValues): PlacementValues {
  return {
    placement,
    communeCode: placement === 'in_province' ? communeCode : null,
    otherProvinceCode: placement === 'other_province' ? otherProvinceCode : null,
  };
}
