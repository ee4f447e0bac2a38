import { ActionIcon, Badge, Button, Group, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CalendarOverrideBody } from '../../../../contracts/calendar.js';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { formatDate } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useAddCalendarDay, useRemoveCalendarDay, type CalendarOverride } from '../api/calendar.js';
import { useCalendarLabels } from './labels.js';

function RemoveDay({ day }: { day: CalendarOverride }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useRemoveCalendarDay();
  const label = t('calendar.remove', { date: formatDate(day.date) });
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={open}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ConfirmDeleteDialog
        opened={opened}
        onClose={close}
        title={t('calendar.removeTitle')}
        body={t('calendar.removeBody', { date: formatDate(day.date), name: day.name })}
        onConfirm={async () => {
          try {
            await remove.mutateAsync(day.id);
            notifySuccess(t('calendar.removed'));
          } catch (error) {
            reportMutationError(error);
            throw error;
          }
        }}
      />
    </>
  );
}

/** The days moved by notice in the year: the country's (the ministry's) and the province's own. */
export function OverrideList({ overrides, editableScope }: { overrides: readonly CalendarOverride[]; editableScope: string | null | undefined }) {
  const labels = useCalendarLabels();
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} data-testid="calendar-overrides">
      {overrides.map((day) => (
        <Group
          key={day.id}
          component="li"
          justify="space-between"
          gap="xs"
          wrap="nowrap"
          align="flex-start"
          py="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          data-testid="calendar-override"
          data-kind={day.kind}
        >
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {formatDate(day.date)} · {labels.weekday(day.date)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {day.name}
            </Text>
            <Group gap={6}>
              <Badge color={day.kind === 'day_off' ? 'blue' : 'gray'} variant="light" size="sm">
                {labels.overrideKind(day.kind)}
              </Badge>
              <Badge color="gray" variant="outline" size="sm">
                {labels.scope(day.provinceCode)}
              </Badge>
            </Group>
          </Stack>
          {/* The ministry edits the country's days, a province's office its own. */}
          {editableScope !== undefined && day.provinceCode === editableScope && <RemoveDay day={day} />}
        </Group>
      ))}
    </Stack>
  );
}

type AddForm = { date: string | null; kind: 'day_off' | 'working_day'; name: string };

/** Records a day the government (or the province) moved: an extra day off, or a working day in exchange. */
export function AddOverrideForm({ onAdded }: { onAdded: (date: string) => void }) {
  const { t } = useTranslation();
  const labels = useCalendarLabels();
  const add = useAddCalendarDay();
  const form = useForm<AddForm, unknown, z.output<typeof CalendarOverrideBody>>({
    resolver: contractResolver(CalendarOverrideBody),
    defaultValues: { date: null, kind: 'day_off', name: '' },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (body) => {
    try {
      await add.mutateAsync(body);
      notifySuccess(t('calendar.added', { date: formatDate(body.date) }));
      form.reset({ date: null, kind: body.kind, name: '' });
      onAdded(body.date);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="calendar-add">
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('calendar.add')}
        </Text>
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <SegmentedControl
              fullWidth
              aria-label={t('calendar.fields.kind')}
              data={(['day_off', 'working_day'] as const).map((value) => ({ value, label: labels.overrideKind(value) }))}
              value={field.value}
              onChange={(value) => field.onChange(value)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="date"
          render={({ field }) => (
            <DateInput
              label={t('calendar.fields.date')}
              required
              valueFormat="DD/MM/YYYY"
              placeholder={t('common.datePlaceholder')}
              {...typedDateInputProps(field)}
              ref={field.ref}
              error={errors.date?.message}
            />
          )}
        />
        <TextInput
          label={t('calendar.fields.name')}
          placeholder={t('calendar.namePlaceholder')}
          required
          maxLength={200}
          error={errors.name?.message}
          {...form.register('name')}
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={form.formState.isSubmitting}>
            {t('calendar.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
