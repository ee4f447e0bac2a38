import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DecisionCreateBody } from '../../../../contracts/certificates.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { Dossier } from '../../dossiers/index.js';
import type { DecisionItemInput } from '../api/decisions.js';
import { DecisionItems, type ItemChoice } from './DecisionItems.js';
import { itemErrors, proposedStar } from './recognition.js';

type HeaderForm = { number: string; signedOn: string | null; signer: string; signerTitle: string };
type DecisionOutput = z.output<typeof DecisionCreateBody>;

/** Every scored dossier starts with the star its band allows; with `preselected`, only that one is included. */
function initialChoices(dossiers: readonly Dossier[], preselected: string | null): Record<string, ItemChoice> {
  return Object.fromEntries(dossiers.map((d) => [d.id, { include: preselected === null || preselected === d.id, star: proposedStar(d) }]));
}

type DecisionFormProps = { dossiers: readonly Dossier[]; preselected: string | null; onSubmit: (body: DecisionOutput) => Promise<unknown>; onCancel: () => void };

/** A provincial recognition decision (Art. 4.1): number, date, signer, and the star of each dossier it decides. */
export function DecisionForm({ dossiers, preselected, onSubmit, onCancel }: DecisionFormProps) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState(() => initialChoices(dossiers, preselected));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const items: DecisionItemInput[] = dossiers.filter((d) => choices[d.id]?.include).map((d) => ({ dossierId: d.id, star: choices[d.id]?.star ?? null }));
  // The resolver is made once; it reads the items chosen at the moment of submitting.
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const form = useForm<HeaderForm, unknown, DecisionOutput>({
    resolver: contractResolver(DecisionCreateBody, (values: HeaderForm) => ({ ...values, level: 'province', items: itemsRef.current })),
    defaultValues: { number: '', signedOn: dayjs().format('YYYY-MM-DD'), signer: '', signerTitle: t('decisions.defaultSignerTitle') },
  });
  const formErrors = form.formState.errors as typeof form.formState.errors & { items?: { message?: string } };
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (body) => {
    setErrors({});
    try {
      await onSubmit(body);
    } catch (error) {
      setErrors(itemErrors(error, body.items));
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="decision-form">
      <Stack>
        <SectionCard title={t('decisions.sections.header')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('decisions.fields.number')} placeholder="123/QĐ-UBND" required error={form.formState.errors.number?.message} {...form.register('number')} />
            <Controller
              control={form.control}
              name="signedOn"
              render={({ field }) => (
                <DateInput label={t('decisions.fields.signedOn')} required valueFormat="DD/MM/YYYY" placeholder={t('common.datePlaceholder')} value={field.value} onChange={field.onChange} error={form.formState.errors.signedOn?.message} />
              )}
            />
            <TextInput label={t('decisions.fields.signer')} required error={form.formState.errors.signer?.message} {...form.register('signer')} />
            <TextInput label={t('decisions.fields.signerTitle')} required error={form.formState.errors.signerTitle?.message} {...form.register('signerTitle')} />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title={t('decisions.sections.items')}>
          <Stack gap="sm">
            {formErrors.items?.message && (
              <Alert color="red" icon={<IconAlertTriangle aria-hidden />} p="sm" role="alert">
                {t('decisions.noneSelected')}
              </Alert>
            )}
            <DecisionItems dossiers={dossiers} choices={choices} errors={errors} onChange={(id, choice) => setChoices((all) => ({ ...all, [id]: choice }))} />
          </Stack>
        </SectionCard>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('decisions.submit', { count: items.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
