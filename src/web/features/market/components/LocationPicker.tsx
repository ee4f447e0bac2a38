import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Controller, useWatch, type Control, type FieldErrors, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.js';
import { useAppInfo, useCommuneOutlines } from '../../../lib/reference.js';
import type { SalesPointFormValues } from './sales-point-form.js';

// Leaflet and its stylesheet load with this page only, in a chunk of their own.
const LocationMap = lazy(() => import('./LocationMap.js').then((module) => ({ default: module.LocationMap })));

type LocationPickerProps<TOut> = {
  control: Control<SalesPointFormValues, unknown, TOut>;
  setValue: UseFormSetValue<SalesPointFormValues>;
  errors: FieldErrors<SalesPointFormValues>;
};

const coordinate = (value: number | string): number | null => (value === '' || Number.isNaN(Number(value)) ? null : Number(value));

/**
 * The point's coordinates: typed, or set by a click on the map of the province it is in (the
 * communes' outlines), the pin then dragged. Abroad, or where no outlines are shipped, the numbers
 * alone.
 */
export function LocationPicker<TOut>({ control, setValue, errors }: LocationPickerProps<TOut>) {
  const { t } = useTranslation();
  const own = useAppInfo().data?.provinceCode ?? null;
  const [placement, communeCode, otherProvinceCode, latitude, longitude] = useWatch({
    control,
    name: ['placement', 'communeCode', 'otherProvinceCode', 'latitude', 'longitude'],
  });
  const provinceCode = placement === 'in_province' ? own : placement === 'other_province' ? otherProvinceCode : null;
  const outlines = useCommuneOutlines(provinceCode);
  const lat = coordinate(latitude);
  const lng = coordinate(longitude);
  const value = lat !== null && lng !== null ? { latitude: lat, longitude: lng } : null;
  const set = (next: { latitude: number | string; longitude: number | string }) => {
    setValue('latitude', next.latitude, { shouldDirty: true, shouldValidate: true });
    setValue('longitude', next.longitude, { shouldDirty: true, shouldValidate: true });
  };
  const hasMap = provinceCode !== null && (outlines.data?.features.length ?? 0) > 0;

  return (
    <Stack gap="sm">
      {hasMap && outlines.data && (
        <Suspense fallback={<PageLoader />}>
          <LocationMap
            key={provinceCode}
            outlines={outlines.data}
            communeCode={placement === 'in_province' ? communeCode : null}
            value={value}
            onChange={set}
            label={t('market.salesPoints.map.label')}
            pinLabel={t('market.salesPoints.map.pin')}
          />
        </Suspense>
      )}
      <Text size="xs" c="dimmed">
        {hasMap ? t('market.salesPoints.map.hint') : t('market.salesPoints.map.noMap')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {(['latitude', 'longitude'] as const).map((name) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <NumberInput
                label={t(`market.salesPoints.fields.${name}`)}
                decimalScale={6}
                decimalSeparator=","
                thousandSeparator=""
                min={name === 'latitude' ? -90 : -180}
                max={name === 'latitude' ? 90 : 180}
                hideControls
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors[name]?.message}
              />
            )}
          />
        ))}
        {value && (
          <Group align="flex-end">
            <Button variant="subtle" color="gray" leftSection={<IconMapPinOff size={16} aria-hidden />} onClick={() => set({ latitude: '', longitude: '' })}>
              {t('market.salesPoints.map.clear')}
            </Button>
          </Group>
        )}
      </SimpleGrid>
    </Stack>
  );
}
