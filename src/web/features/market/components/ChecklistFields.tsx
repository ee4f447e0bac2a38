import { Badge, Checkbox, Fieldset, Group, Stack, Text } from '@mantine/core';
import { Controller, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SALES_POINT_CHECKLIST, checklistScore } from '../../../../domain/market/index.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { useMarketLabels } from './labels.js';
import type { SalesPointFormValues } from './sales-point-form.js';

export const CHECKLIST_GROUPS = ['location', 'products', 'premises'] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number];

/** The checklist's items of one group, in the decision's order. */
export const checklistItems = (group: ChecklistGroup) => SALES_POINT_CHECKLIST.filter((item) => item.group === group);

/** "Đạt 7/10 tiêu chí" — coloured once every item is met. */
export function ChecklistScore({ met, total }: { met: number; total: number }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={met === total ? 'teal' : 'gray'} data-testid="checklist-score">
      {t('market.salesPoints.checklist.score', { met, total })}
    </Badge>
  );
}

/**
 * The Decision 950/QĐ-BCT checklist as checkboxes, grouped as the decision groups its criteria
 * (location, products, premises), with the place of criterion 1 and the count met.
 */
export function ChecklistFields<TOut>({
  control,
  errors,
}: {
  control: Control<SalesPointFormValues, unknown, TOut>;
  errors: FieldErrors<SalesPointFormValues>;
}) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const checklist = useWatch({ control, name: 'checklist' });
  const score = checklistScore(checklist);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('market.salesPoints.checklist.intro')}
        </Text>
        <ChecklistScore {...score} />
      </Group>
      {CHECKLIST_GROUPS.map((group) => {
        const items = checklistItems(group);
        return (
          <Fieldset
            key={group}
            variant="unstyled"
            legend={
              <Text fw={600} size="sm">
                {t(`market.salesPoints.checklist.groups.${group}`)} ({items.filter((item) => checklist[item.code]).length}/{items.length})
              </Text>
            }
          >
            <Stack gap="xs" mt={4}>
              {group === 'location' && (
                <FormSelect
                  control={control}
                  name="locationType"
                  label={t('market.salesPoints.fields.locationType')}
                  placeholder={t('select.choose')}
                  data={labels.locationOptions}
                  clearable
                  error={errors.locationType?.message}
                  maw={520}
                />
              )}
              {items.map((item) => (
                <Controller
                  key={item.code}
                  control={control}
                  name={`checklist.${item.code}`}
                  render={({ field }) => (
                    <Checkbox
                      label={labels.checklistItem(item)}
                      checked={field.value}
                      onChange={(event) => field.onChange(event.currentTarget.checked)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                    />
                  )}
                />
              ))}
            </Stack>
          </Fieldset>
        );
      })}
    </Stack>
  );
}
