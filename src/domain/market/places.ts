import type { FieldErrors } from '../errors.js';
import type { Placement } from './index.js';

/**
 * Where a sales point or an event is: in the province it sits in one of the province's communes; in
 * another province it names that province (not its own); abroad it names the country. Returns the
 * field errors of a record that does not say so.
 */
export function placementProblems(
  record: { placement: Placement; communeCode?: string | null | undefined; otherProvinceCode?: string | null | undefined; country?: string | null | undefined },
  ownProvinceCode: string,
  options: { communeRequired: boolean },
): FieldErrors {
  const fields: FieldErrors = {};
  if (record.placement === 'in_province') {
    if (options.communeRequired && !record.communeCode) fields.communeCode = { vi: 'Chọn xã, phường nơi đặt.', en: 'Choose the commune it is in.' };
    if (record.otherProvinceCode)
      fields.otherProvinceCode = { vi: 'Chỉ ghi tỉnh khác khi không ở trong tỉnh.', en: 'Only name another province when it is outside this one.' };
  } else if (record.placement === 'other_province') {
    if (!record.otherProvinceCode) fields.otherProvinceCode = { vi: 'Chọn tỉnh, thành phố nơi đặt.', en: 'Choose the province it is in.' };
    else if (record.otherProvinceCode === ownProvinceCode)
      fields.otherProvinceCode = {
        vi: 'Tỉnh khác phải khác tỉnh của mình; chọn "Trong tỉnh".',
        en: 'Another province must differ from this one; choose "In the province".',
      };
    if (record.communeCode) fields.communeCode = { vi: 'Chỉ chọn xã khi ở trong tỉnh.', en: 'Only choose a commune inside the province.' };
  } else {
    if (record.country !== undefined && !record.country?.trim()) fields.country = { vi: 'Ghi tên nước nơi tổ chức.', en: 'Name the country.' };
    if (record.communeCode) fields.communeCode = { vi: 'Chỉ chọn xã khi ở trong tỉnh.', en: 'Only choose a commune inside the province.' };
  }
  return fields;
}
