import { ActionIcon, Button, Fieldset, Group, NumberInput, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PlanBody } from '../../../../contracts/plans.js';
import { CommuneSelect } from '../../../components/CommuneSelect.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatVnd } from '../../../lib/format.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { IndicatorDefinition } from '../../../lib/reference.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';
import type { Plan } from '../api/plans.js';
import { usePlanLabels, type BudgetSource } from './labels.js';

/** Editing state: Selects hold null until chosen; NumberInputs give '' while empty. */
export type PlanFormValues = {
  title: string;
  narrative: string;
  targets: { indicatorCode: string | null; communeCode: string | null; target: number | string; note: string }[];
  budgetLines: { item: string; source: BudgetSource | null; amountVnd: number | string; note: string }[];
};

const PlanContent = PlanBody.omit({ version: true });
export type PlanContent = z.output<typeof PlanContent>;

const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

const resolver = contractResolver<PlanFormValues, typeof PlanContent>(PlanContent, (values) => ({
  ...values,
  targets: values.targets.map((row) => ({ ...row, target: numberOrNull(row.target) })),
  budgetLines: values.budgetLines.map((row) => ({ ...row, amountVnd: numberOrNull(row.amountVnd) })),
}));

export function planFormValues(plan: Plan | null, defaultTitle: string): PlanFormValues {
  return {
    title: plan?.title ?? defaultTitle,
    narrative: plan?.narrative ?? '',
    targets: (plan?.targets ?? []).map((row) => ({ indicatorCode: row.indicatorCode, communeCode: row.communeCode, target: row.target, note: row.note ?? '' })),
    budgetLines: (plan?.budgetLines ?? []).map((row) => ({ item: row.item, source: row.source, amountVnd: row.amountVnd, note: row.note ?? '' })),
  };
}

type RowsProps = {
  control: Control<PlanFormValues, unknown, PlanContent>;
  register: UseFormRegister<PlanFormValues>;
  errors: FieldErrors<PlanFormValues>;
  catalogue: readonly IndicatorDefinition[];
};

/**
 * One row's inputs: cells of a table on a wide screen (labelled for screen readers by column and
 * row), a numbered fieldset with visible labels on a phone.
 */
function useRowLabels(index: number) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  // `label: undefined` also clears a component's own default label (CommuneSelect has one).
  return (text: string) => (isPhone ? { label: text } : { label: undefined, 'aria-label': t('plans.rowLabel', { label: text, row: index + 1 }) });
}

function TargetRow({ index, control, register, errors, catalogue, onRemove }: RowsProps & { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(catalogue);
  const isPhone = useIsPhone();
  const rowLabel = useRowLabels(index);
  const code = useWatch({ control, name: `targets.${index}.indicatorCode` });
  const rowErrors = errors.targets?.[index];
  const unit = code ? labels.unitOf(code) : '';
  const cells = [
    <FormSelect
      key="indicator"
      control={control}
      name={`targets.${index}.indicatorCode`}
      {...rowLabel(t('plans.targets.indicator'))}
      data={labels.indicatorOptions}
      searchable
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('select.nothingFound')}
      placeholder={t('select.choose')}
      allowDeselect={false}
      error={rowErrors?.indicatorCode?.message}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
      miw={isPhone ? undefined : 300}
    />,
    <Controller
      key="commune"
      control={control}
      name={`targets.${index}.communeCode`}
      render={({ field }) => (
        <CommuneSelect
          {...rowLabel(t('plans.targets.commune'))}
          placeholder={t('plans.targets.wholeProvince')}
          clearable
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={rowErrors?.communeCode?.message}
          miw={isPhone ? undefined : 170}
        />
      )}
    />,
    <Controller
      key="target"
      control={control}
      name={`targets.${index}.target`}
      render={({ field }) => (
        <NumberInput
          {...rowLabel(t('plans.targets.target'))}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          hideControls
          error={rowErrors?.target?.message}
          description={isPhone ? unit : undefined}
          miw={isPhone ? undefined : 110}
        />
      )}
    />,
    <TextInput
      key="note"
      {...rowLabel(t('plans.targets.note'))}
      error={rowErrors?.note?.message}
      {...register(`targets.${index}.note`)}
      miw={isPhone ? undefined : 160}
    />,
  ];
  return (
    <EditableRow
      index={index}
      legend={t('plans.targets.item', { row: index + 1 })}
      removeLabel={t('plans.targets.remove', { row: index + 1 })}
      onRemove={onRemove}
      cells={cells}
      below={{ 2: unit }}
    />
  );
}

function BudgetRow({ index, control, register, errors, catalogue, onRemove }: RowsProps & { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(catalogue);
  const isPhone = useIsPhone();
  const rowLabel = useRowLabels(index);
  const rowErrors = errors.budgetLines?.[index];
  const cells = [
    <TextInput
      key="item"
      {...rowLabel(t('plans.budget.item'))}
      error={rowErrors?.item?.message}
      {...register(`budgetLines.${index}.item`)}
      miw={isPhone ? undefined : 240}
    />,
    <FormSelect
      key="source"
      control={control}
      name={`budgetLines.${index}.source`}
      {...rowLabel(t('plans.budget.source'))}
      data={labels.sourceOptions}
      placeholder={t('select.choose')}
      allowDeselect={false}
      error={rowErrors?.source?.message}
      miw={isPhone ? undefined : 190}
    />,
    <Controller
      key="amount"
      control={control}
      name={`budgetLines.${index}.amountVnd`}
      render={({ field }) => (
        <NumberInput
          {...rowLabel(t('plans.budget.amount'))}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          hideControls
          rightSection={
            <Text size="xs" c="dimmed">
              ₫
            </Text>
          }
          error={rowErrors?.amountVnd?.message}
          miw={isPhone ? undefined : 160}
        />
      )}
    />,
    <TextInput
      key="note"
      {...rowLabel(t('plans.budget.note'))}
      error={rowErrors?.note?.message}
      {...register(`budgetLines.${index}.note`)}
      miw={isPhone ? undefined : 140}
    />,
  ];
  return (
    <EditableRow
      index={index}
      legend={t('plans.budget.itemLegend', { row: index + 1 })}
      removeLabel={t('plans.budget.remove', { row: index + 1 })}
      onRemove={onRemove}
      cells={cells}
    />
  );
}

/**
 * One editable line of a table: a table row on a desktop, a framed block of fields on a phone;
 * `below` puts a dimmed note under a cell (e.g. the indicator's unit under the target).
 */
function EditableRow({
  index,
  legend,
  removeLabel,
  onRemove,
  cells,
  below = {},
}: {
  index: number;
  legend: string;
  removeLabel: string;
  onRemove: () => void;
  cells: ReactNode[];
  below?: Record<number, string>;
}) {
  const isPhone = useIsPhone();
  const remove = (
    <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={removeLabel}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
  if (isPhone)
    return (
      <Fieldset legend={legend} variant="filled" radius="md">
        <Stack gap="xs">
          {cells}
          <Group justify="flex-end">{remove}</Group>
        </Stack>
      </Fieldset>
    );
  return (
    <Table.Tr>
      <Table.Td c="dimmed">{index + 1}</Table.Td>
      {cells.map((cell, i) => (
        <Table.Td key={i} style={{ verticalAlign: 'top' }}>
          {cell}
          {below[i] && (
            <Text size="xs" c="dimmed" mt={2}>
              {below[i]}
            </Text>
          )}
        </Table.Td>
      ))}
      <Table.Td style={{ verticalAlign: 'top' }}>{remove}</Table.Td>
    </Table.Tr>
  );
}

function Rows({ headers, count, children }: { headers: string[]; count: number; children: ReactNode }) {
  const isPhone = useIsPhone();
  if (count === 0) return null;
  if (isPhone) return <Stack gap="sm">{children}</Stack>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover={false} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>#</Table.Th>
            {headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
            <Table.Th w={44} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BudgetTotal({ control, catalogue }: { control: RowsProps['control']; catalogue: readonly IndicatorDefinition[] }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(catalogue);
  const lines = useWatch({ control, name: 'budgetLines' });
  const amount = (value: number | string) => (typeof value === 'number' ? value : Number(value) || 0);
  const total = lines.reduce((sum, line) => sum + amount(line.amountVnd), 0);
  const bySource = labels.sourceOptions
    .map((s) => ({ ...s, amount: lines.filter((l) => l.source === s.value).reduce((sum, l) => sum + amount(l.amountVnd), 0) }))
    .filter((s) => s.amount > 0);
  return (
    <Stack gap={2} align="flex-end">
      <Text fw={700} data-testid="budget-total">
        {t('plans.budget.total')}: {formatVnd(total)}
      </Text>
      {bySource.map((s) => (
        <Text key={s.value} size="xs" c="dimmed">
          {s.label}: {formatVnd(s.amount)}
        </Text>
      ))}
    </Stack>
  );
}

type PlanFormProps = {
  defaultValues: PlanFormValues;
  catalogue: readonly IndicatorDefinition[];
  onSubmit: (content: PlanContent) => Promise<unknown>;
  onCancel: () => void;
};

/** The year's plan: title, targets per indicator (and commune), budget lines, and the written part. */
export function PlanForm({ defaultValues, catalogue, onSubmit, onCancel }: PlanFormProps) {
  const { t } = useTranslation();
  const form = useForm<PlanFormValues, unknown, PlanContent>({ resolver, defaultValues });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  const targets = useFieldArray({ control, name: 'targets' });
  const budget = useFieldArray({ control, name: 'budgetLines' });
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (content) => {
    try {
      await onSubmit(content);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  const rowProps = { control, register, errors, catalogue };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <SectionCard title={t('plans.sections.general')}>
          <TextInput label={t('plans.fields.title')} required error={errors.title?.message} {...register('title')} />
        </SectionCard>

        <SectionCard title={t('plans.sections.targets')}>
          <Stack>
            {targets.fields.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('plans.targets.none')}
              </Text>
            )}
            <Rows
              headers={[t('plans.targets.indicator'), t('plans.targets.commune'), t('plans.targets.target'), t('plans.targets.note')]}
              count={targets.fields.length}
            >
              {targets.fields.map((field, index) => (
                <TargetRow key={field.id} index={index} {...rowProps} onRemove={() => targets.remove(index)} />
              ))}
            </Rows>
            <Button
              variant="light"
              w="fit-content"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => targets.append({ indicatorCode: null, communeCode: null, target: '', note: '' })}
            >
              {t('plans.targets.add')}
            </Button>
          </Stack>
        </SectionCard>

        <SectionCard title={t('plans.sections.budget')}>
          <Stack>
            {budget.fields.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('plans.budget.none')}
              </Text>
            )}
            <Rows headers={[t('plans.budget.item'), t('plans.budget.source'), t('plans.budget.amount'), t('plans.budget.note')]} count={budget.fields.length}>
              {budget.fields.map((field, index) => (
                <BudgetRow key={field.id} index={index} {...rowProps} onRemove={() => budget.remove(index)} />
              ))}
            </Rows>
            <Group justify="space-between" align="flex-start">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  budget.append({ item: '', source: 'province', amountVnd: '', note: '' }, { focusName: `budgetLines.${budget.fields.length}.item` })
                }
              >
                {t('plans.budget.add')}
              </Button>
              <BudgetTotal control={control} catalogue={catalogue} />
            </Group>
          </Stack>
        </SectionCard>

        <SectionCard title={t('plans.sections.narrative')}>
          <Textarea
            label={t('plans.fields.narrative')}
            description={t('plans.fields.narrativeHint')}
            autosize
            minRows={8}
            maxRows={30}
            error={errors.narrative?.message}
            {...register('narrative')}
          />
        </SectionCard>

        <FormActions onCancel={onCancel} submitLabel={t('plans.save')} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
