import { Alert, Autocomplete, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HistoricalResultBody } from '../../../../contracts/certificates.js';
import { HISTORICAL_BASES, HISTORICAL_LEVELS } from '../../../../domain/evaluation/historical-results.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { isApiError } from '../../../lib/api/client.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useProductResults, useRecordProductResult, type HistoricalResult, type HistoricalResultInput } from '../api/results.js';

const KINDS = ['first', 'upgrade', 'rerating'] as const;
const STARS = ['1', '2', '3', '4', '5'] as const;

type ResultForm = {
  year: number | string;
  round: string;
  level: string | null;
  kind: string | null;
  score: number | string;
  star: string | null;
  decisionNo: string;
  decisionDate: string | null;
  legalBasis: string;
};

const blankToNull = (value: string) => (value.trim() === '' ? null : value);
const numberOrNull = (value: number | string) => (typeof value === 'number' ? value : value.trim() === '' ? null : Number(value));

/** The form's editing state as the API's body: empty fields are absent (null). */
const toInput = (values: ResultForm) => ({
  year: numberOrNull(values.year),
  round: blankToNull(values.round),
  level: values.level,
  kind: values.kind,
  score: numberOrNull(values.score),
  star: values.star === null ? null : Number(values.star),
  decisionNo: blankToNull(values.decisionNo),
  decisionDate: values.decisionDate,
  legalBasis: values.legalBasis,
});

function AddResultForm({ productId, onClose }: { productId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordProductResult(productId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<ResultForm, unknown, HistoricalResultInput>({
    resolver: contractResolver(HistoricalResultBody, toInput),
    defaultValues: {
      year: new Date().getFullYear() - 1,
      round: '',
      level: 'province',
      kind: 'first',
      score: '',
      star: null,
      decisionNo: '',
      decisionDate: null,
      legalBasis: '',
    },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (body) => {
    setRefusal(null);
    try {
      await record.mutateAsync(body);
      notifySuccess(t('products.results.saved'));
      onClose();
    } catch (error) {
      // The server's reason (a star above the score's band, 5★ not central…) stays in the form rather than a passing toast.
      if (!isApiError(error) || error.status !== 400) return reportMutationError(error, form.setError);
      setRefusal(error.message);
      for (const [field, message] of Object.entries(error.fields))
        if (field in form.getValues()) form.setError(field as keyof ResultForm, { type: 'server', message });
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="earlier-result-form">
      <Stack gap="sm">
        {refusal && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('products.results.refused')} role="alert" data-testid="earlier-result-error">
            {refusal}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Controller
            control={form.control}
            name="year"
            render={({ field }) => (
              <NumberInput
                label={t('products.results.year')}
                required
                min={2018}
                max={2100}
                // Not clamped on leaving the field: 1990 is refused with the contract's message, not turned into 2018.
                clampBehavior="none"
                allowDecimal={false}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.year?.message}
              />
            )}
          />
          <TextInput
            label={t('products.results.round')}
            description={t('common.optional')}
            maxLength={50}
            error={errors.round?.message}
            {...form.register('round')}
          />
          <Controller
            control={form.control}
            name="level"
            render={({ field }) => (
              <Select
                label={t('products.results.level')}
                required
                data={HISTORICAL_LEVELS.map((level) => ({ value: level, label: t(`products.results.levels.${level}`) }))}
                value={field.value}
                onChange={field.onChange}
                error={errors.level?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('products.results.kind')}
                required
                data={KINDS.map((kind) => ({ value: kind, label: t(`dossiers.kinds.${kind}`) }))}
                value={field.value}
                onChange={field.onChange}
                error={errors.kind?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="score"
            render={({ field }) => (
              <NumberInput
                label={t('products.results.score')}
                description={t('common.optional')}
                min={0}
                max={100}
                clampBehavior="none"
                decimalScale={2}
                decimalSeparator=","
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.score?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="star"
            render={({ field }) => (
              <Select
                label={t('products.results.star')}
                description={t('common.optional')}
                clearable
                data={STARS.map((star) => ({ value: star, label: t('stars.count', { count: Number(star) }) }))}
                value={field.value}
                onChange={field.onChange}
                error={errors.star?.message}
              />
            )}
          />
          <TextInput
            label={t('products.results.decisionNo')}
            description={t('common.optional')}
            maxLength={100}
            error={errors.decisionNo?.message}
            {...form.register('decisionNo')}
          />
          <Controller
            control={form.control}
            name="decisionDate"
            render={({ field }) => (
              <DateInput
                label={t('products.results.decisionDate')}
                description={t('common.optional')}
                clearable
                valueFormat="DD/MM/YYYY"
                placeholder={t('common.datePlaceholder')}
                {...typedDateInputProps(field)}
                ref={field.ref}
                error={errors.decisionDate?.message}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="legalBasis"
          render={({ field }) => (
            <Autocomplete
              label={t('products.results.legalBasis')}
              description={t('products.results.legalBasisHint')}
              required
              maxLength={100}
              data={[...HISTORICAL_BASES]}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.legalBasis?.message}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResultsTable({ results }: { results: readonly HistoricalResult[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" data-testid="earlier-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('products.results.year')}</Table.Th>
            <Table.Th>{t('products.results.level')}</Table.Th>
            <Table.Th>{t('products.results.kind')}</Table.Th>
            <Table.Th ta="right">{t('products.results.score')}</Table.Th>
            <Table.Th>{t('products.results.star')}</Table.Th>
            <Table.Th>{t('products.results.decision')}</Table.Th>
            <Table.Th>{t('products.results.legalBasis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...results]
            .sort((a, b) => b.year - a.year)
            .map((result) => (
              <Table.Tr key={result.id} data-testid="earlier-result">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {result.year}
                  </Text>
                  {result.round && (
                    <Text size="xs" c="dimmed">
                      {result.round}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`products.results.levels.${result.level}`)}</Table.Td>
                <Table.Td>{t(`dossiers.kinds.${result.kind}`)}</Table.Td>
                <Table.Td ta="right">{formatPoints(result.score ?? null)}</Table.Td>
                <Table.Td>{result.star ? <Stars count={result.star} size={14} /> : '—'}</Table.Td>
                <Table.Td>
                  {result.decisionNo || result.decisionDate ? (
                    <>
                      <Text size="sm">{result.decisionNo ?? '—'}</Text>
                      {result.decisionDate && (
                        <Text size="xs" c="dimmed">
                          {formatDate(result.decisionDate)}
                        </Text>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{result.legalBasis}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Results of earlier years (before the platform): a table, and for the office a form to add one. */
export function EarlierResults({ productId, canAdd }: { productId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const results = useProductResults(productId);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <SectionCard
      title={t('products.results.title')}
      data-testid="earlier-results-card"
      action={
        canAdd && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={open}>
            {t('products.results.add')}
          </Button>
        )
      }
    >
      {results.isError ? (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data && results.data.length > 0 ? (
        <ResultsTable results={results.data} />
      ) : (
        <Text size="sm" c="dimmed">
          {results.isPending ? t('common.loading') : t('products.results.empty')}
        </Text>
      )}
      <Modal opened={opened} onClose={close} title={t('products.results.addTitle')} size="lg">
        {opened && <AddResultForm productId={productId} onClose={close} />}
      </Modal>
    </SectionCard>
  );
}
