import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SalesPointInput } from '../../../../contracts/market.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { SalesPointInput as SalesPointInputValue } from '../api/sales-points.js';
import { ChecklistFields } from './ChecklistFields.js';
import { FormDateInput } from '../../../components/FormFields.js';
import { useMarketLabels } from './labels.js';
import { LocationPicker } from './LocationPicker.js';
import { PlacementFields } from './PlacementFields.js';
import { toSalesPointInput, type SalesPointFormValues } from './sales-point-form.js';

const resolver = contractResolver<SalesPointFormValues, typeof SalesPointInput>(SalesPointInput, toSalesPointInput);

type SalesPointFormProps = {
  defaultValues: SalesPointFormValues;
  submitLabel: string;
  onSubmit: (input: SalesPointInputValue) => Promise<unknown>;
  onCancel: () => void;
};

/** A sales point: what and whose it is, where (commune or province, and on the map), its checklist and status. */
export function SalesPointForm({ defaultValues, submitLabel, onSubmit, onCancel }: SalesPointFormProps) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const form = useForm<SalesPointFormValues, unknown, SalesPointInputValue>({ resolver, defaultValues });
  const { control, register, setValue } = form;
  const { errors, isSubmitting } = form.formState;
  const status = useWatch({ control, name: 'status' });
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (input) => {
    try {
      await onSubmit(input);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <SectionCard title={t('market.salesPoints.sections.general')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormSelect
                control={control}
                name="kind"
                label={t('market.salesPoints.fields.kind')}
                required
                data={labels.kindOptions}
                allowDeselect={false}
                error={errors.kind?.message}
              />
              <TextInput label={t('market.salesPoints.fields.name')} required error={errors.name?.message} {...register('name')} />
              <TextInput
                label={t('market.salesPoints.fields.operator')}
                description={t('market.salesPoints.fields.operatorHint')}
                error={errors.operator?.message}
                {...register('operator')}
              />
              <TextInput label={t('market.salesPoints.fields.phone')} type="tel" error={errors.phone?.message} {...register('phone')} />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('market.salesPoints.sections.place')}>
          <Stack>
            <PlacementFields control={control} errors={errors} />
            <TextInput label={t('market.salesPoints.fields.address')} error={errors.address?.message} {...register('address')} />
            <LocationPicker control={control} setValue={setValue} errors={errors} />
          </Stack>
        </SectionCard>

        <SectionCard title={t('market.salesPoints.sections.checklist')}>
          <ChecklistFields control={control} errors={errors} />
        </SectionCard>

        <SectionCard title={t('market.salesPoints.sections.operation')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <FormDateInput control={control} name="openedOn" label={t('market.salesPoints.fields.openedOn')} error={errors.openedOn?.message} />
              <FormSelect
                control={control}
                name="status"
                label={t('market.salesPoints.fields.status')}
                required
                data={labels.statusOptions}
                allowDeselect={false}
                error={errors.status?.message}
              />
              {status === 'closed' && (
                <FormDateInput control={control} name="closedOn" label={t('market.salesPoints.fields.closedOn')} error={errors.closedOn?.message} />
              )}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('market.salesPoints.fields.externalCode')}
                description={t('market.salesPoints.fields.externalCodeHint')}
                error={errors.externalCode?.message}
                {...register('externalCode')}
              />
            </SimpleGrid>
            <Textarea label={t('market.salesPoints.fields.note')} autosize minRows={2} maxRows={8} error={errors.note?.message} {...register('note')} />
          </Stack>
        </SectionCard>

        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
