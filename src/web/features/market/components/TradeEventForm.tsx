import { Alert, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TradeEventInput } from '../../../../contracts/market.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { TradeEventInput as TradeEventInputValue } from '../api/trade-events.js';
import { FormDateInput, FormNumberInput } from '../../../components/FormFields.js';
import { useMarketLabels } from './labels.js';
import { ParticipantsField } from './ParticipantsField.js';
import { PlacementFields } from './PlacementFields.js';
import { toTradeEventInput, type TradeEventFormValues } from './trade-event-form.js';

const resolver = contractResolver<TradeEventFormValues, typeof TradeEventInput>(TradeEventInput, toTradeEventInput);

type TradeEventFormProps = {
  defaultValues: TradeEventFormValues;
  /** Participants of producers outside the user's scope: not shown, kept as they are by the server. */
  otherParticipantCount?: number;
  submitLabel: string;
  onSubmit: (input: TradeEventInputValue) => Promise<unknown>;
  onCancel: () => void;
};

/** A fair or exhibition: when and where, who organised it, its figures, and the province's producers there. */
export function TradeEventForm({ defaultValues, otherParticipantCount = 0, submitLabel, onSubmit, onCancel }: TradeEventFormProps) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const form = useForm<TradeEventFormValues, unknown, TradeEventInputValue>({ resolver, defaultValues });
  const { control, register, setValue } = form;
  const { errors, isSubmitting } = form.formState;
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
        <SectionCard title={t('market.tradeEvents.sections.general')}>
          <Stack>
            <TextInput label={t('market.tradeEvents.fields.name')} required error={errors.name?.message} {...register('name')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <FormSelect
                control={control}
                name="kind"
                label={t('market.tradeEvents.fields.kind')}
                required
                data={labels.eventKindOptions}
                allowDeselect={false}
                error={errors.kind?.message}
              />
              <FormDateInput control={control} name="startsOn" label={t('market.tradeEvents.fields.startsOn')} required error={errors.startsOn?.message} />
              <FormDateInput control={control} name="endsOn" label={t('market.tradeEvents.fields.endsOn')} required error={errors.endsOn?.message} />
            </SimpleGrid>
            <TextInput label={t('market.tradeEvents.fields.organiser')} error={errors.organiser?.message} {...register('organiser')} />
          </Stack>
        </SectionCard>

        <SectionCard title={t('market.tradeEvents.sections.place')}>
          <Stack>
            <PlacementFields control={control} errors={errors} register={register} communeRequired={false} />
            <TextInput
              label={t('market.tradeEvents.fields.place')}
              description={t('market.tradeEvents.fields.placeHint')}
              error={errors.place?.message}
              {...register('place')}
            />
          </Stack>
        </SectionCard>

        <SectionCard title={t('market.tradeEvents.sections.results')}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('market.tradeEvents.resultsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <FormNumberInput control={control} name="booths" label={t('market.tradeEvents.fields.booths')} error={errors.booths?.message} />
              <FormNumberInput control={control} name="visitors" label={t('market.tradeEvents.fields.visitors')} error={errors.visitors?.message} />
              <FormNumberInput control={control} name="revenueVnd" label={t('market.tradeEvents.fields.revenueVnd')} vnd error={errors.revenueVnd?.message} />
              <FormNumberInput control={control} name="contracts" label={t('market.tradeEvents.fields.contracts')} error={errors.contracts?.message} />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('market.tradeEvents.sections.participants')}>
          <Stack>
            {otherParticipantCount > 0 && (
              <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
                {t('market.tradeEvents.participants.others', { count: otherParticipantCount })}
              </Alert>
            )}
            <ParticipantsField control={control} setValue={setValue} errors={errors.participants} />
          </Stack>
        </SectionCard>

        <SectionCard title={t('market.tradeEvents.sections.other')}>
          <Stack>
            <Textarea label={t('market.tradeEvents.fields.note')} autosize minRows={2} maxRows={8} error={errors.note?.message} {...register('note')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('market.tradeEvents.fields.externalCode')}
                description={t('market.salesPoints.fields.externalCodeHint')}
                error={errors.externalCode?.message}
                {...register('externalCode')}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
