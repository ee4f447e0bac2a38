import { Group, Radio, Stack, TextInput } from '@mantine/core';
import { Controller, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../domain/market/index.js';
import { ActivityCommuneSelect } from '../../../components/ActivityCommuneSelect.js';
import { OtherProvinceSelect } from './inputs.js';
import { isPlacement, useMarketLabels } from './labels.js';

/** The fields every placed record has (sales points; events add a country abroad). */
export type PlacementFormValues = { placement: Placement; communeCode: string | null; otherProvinceCode: string | null; country?: string };

type PlacementFieldsProps<T extends PlacementFormValues, TOut> = {
  control: Control<T, unknown, TOut>;
  errors: FieldErrors<T>;
  /** Events held abroad name the country; a sales point abroad needs no more than its address. */
  register?: UseFormRegister<T>;
  communeRequired?: boolean;
};

/**
 * Where a record is (placementProblems): in the province, its commune, among those the user may
 * record in; in another province, that province; abroad, the country. Only the place the placement
 * asks for is shown.
 */
export function PlacementFields<T extends PlacementFormValues, TOut>({ control, errors, register, communeRequired = true }: PlacementFieldsProps<T, TOut>) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  // react-hook-form cannot see that every T has these paths: the fields are read through the base shape.
  const base = control as unknown as Control<PlacementFormValues>;
  const fieldErrors = errors as FieldErrors<PlacementFormValues>;
  const registerBase = register as UseFormRegister<PlacementFormValues> | undefined;
  const placement = useWatch({ control: base, name: 'placement' });
  return (
    <Stack gap="sm">
      <Controller
        control={base}
        name="placement"
        render={({ field }) => (
          <Radio.Group label={t('market.placement.label')} required value={field.value} onChange={(value) => isPlacement(value) && field.onChange(value)}>
            <Group gap="md" mt={6}>
              {labels.placementOptions.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      {placement === 'in_province' && (
        <Controller
          control={base}
          name="communeCode"
          render={({ field }) => (
            <ActivityCommuneSelect
              required={communeRequired}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldErrors.communeCode?.message}
            />
          )}
        />
      )}
      {placement === 'other_province' && (
        <Controller
          control={base}
          name="otherProvinceCode"
          render={({ field }) => (
            <OtherProvinceSelect
              required
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldErrors.otherProvinceCode?.message}
            />
          )}
        />
      )}
      {placement === 'abroad' && registerBase && (
        <TextInput label={t('market.placement.country')} required error={fieldErrors.country?.message} {...registerBase('country')} />
      )}
    </Stack>
  );
}
