import { MultiSelect, SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useWatch, type Control, type FieldErrors, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldArrayEditor } from '../../../components/FieldArrayEditor.js';
import { SubjectSelect } from '../../../components/SubjectSelect.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';
import { useSubjectProducts } from '../api/products.js';
import { FormNumberInput } from '../../../components/FormFields.js';
import { BLANK_PARTICIPANT, type TradeEventFormValues } from './trade-event-form.js';

type Props<TOut> = {
  control: Control<TradeEventFormValues, unknown, TOut>;
  setValue: UseFormSetValue<TradeEventFormValues>;
  errors: FieldErrors<TradeEventFormValues>['participants'];
};

/** The products of the chosen producer it showed at the event. */
function ParticipantProducts<TOut>({ control, index, error }: { control: Props<TOut>['control']; index: number; error: string | undefined }) {
  const { t } = useTranslation();
  const subjectId = useWatch({ control, name: `participants.${index}.subjectId` });
  const products = useSubjectProducts(subjectId);
  const options = useMemo(() => (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), [products.data]);
  return (
    <Controller
      control={control}
      name={`participants.${index}.productIds`}
      render={({ field }) => (
        <MultiSelect
          label={t('market.tradeEvents.participants.products')}
          placeholder={subjectId ? t('market.tradeEvents.participants.productsPlaceholder') : t('market.tradeEvents.participants.chooseProducerFirst')}
          data={options}
          disabled={!subjectId || products.isPending}
          searchable
          filter={accentInsensitiveFilter}
          nothingFoundMessage={t('select.nothingFound')}
          hidePickedOptions
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={error}
        />
      )}
    />
  );
}

/** The producers at an event, each with its products shown there, booths and sales. */
export function ParticipantsField<TOut>({ control, setValue, errors }: Props<TOut>) {
  const { t } = useTranslation();
  return (
    <FieldArrayEditor
      control={control}
      name="participants"
      labels={{
        none: t('market.tradeEvents.participants.none'),
        add: t('market.tradeEvents.participants.add'),
        item: (number) => t('market.tradeEvents.participants.item', { number }),
        remove: (number) => t('market.tradeEvents.participants.remove', { number }),
      }}
      blank={BLANK_PARTICIPANT}
      focusField="subjectId"
    >
      {(index) => {
        const entryErrors = errors?.[index];
        return (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Controller
              control={control}
              name={`participants.${index}.subjectId`}
              render={({ field }) => (
                <SubjectSelect
                  label={t('market.tradeEvents.participants.producer')}
                  required
                  value={field.value}
                  onChange={(value) => {
                    // Products belong to their producer: another producer starts with none chosen.
                    if (value !== field.value) setValue(`participants.${index}.productIds`, []);
                    field.onChange(value);
                  }}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={entryErrors?.subjectId?.message}
                />
              )}
            />
            <ParticipantProducts control={control} index={index} error={entryErrors?.productIds?.message} />
            <FormNumberInput
              control={control}
              name={`participants.${index}.booths`}
              label={t('market.tradeEvents.fields.booths')}
              error={entryErrors?.booths?.message}
            />
            <FormNumberInput
              control={control}
              name={`participants.${index}.revenueVnd`}
              label={t('market.tradeEvents.fields.revenueVnd')}
              vnd
              error={entryErrors?.revenueVnd?.message}
            />
          </SimpleGrid>
        );
      }}
    </FieldArrayEditor>
  );
}
