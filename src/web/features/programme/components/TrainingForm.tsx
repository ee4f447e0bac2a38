import { SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ActivityCommuneSelect } from '../../../components/ActivityCommuneSelect.js';
import { FieldArrayEditor } from '../../../components/FieldArrayEditor.js';
import { FormActions } from '../../../components/FormActions.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { SubjectSelect } from '../../../components/SubjectSelect.js';
import { formatNumber } from '../../../lib/format.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { TrainingCourse, TrainingCourseInput } from '../api/training.js';
import { FormDateInput, FormNumberInput } from '../../../components/FormFields.js';
import { today } from './fields.js';
import { attendeePeople } from './figures.js';
import { TrainingBody } from './schemas.js';

/** Editing state of a course: Selects hold null until chosen; counts '' while empty. */
export type TrainingFormValues = {
  topic: string;
  startsOn: string | null;
  endsOn: string | null;
  place: string;
  communeCode: string | null;
  organiser: string;
  trainers: string;
  participants: number | string;
  attendees: { subjectId: string | null; people: number | string }[];
  note: string;
  externalCode: string;
};

const count = (value: number | string) => (value === '' ? null : Number(value));

const resolver = contractResolver<TrainingFormValues, typeof TrainingBody>(TrainingBody, (values) => ({
  ...values,
  participants: count(values.participants),
  attendees: values.attendees.map((line) => ({ ...line, people: count(line.people) })),
}));

export function trainingFormValues(course?: TrainingCourse): TrainingFormValues {
  const start = today();
  return {
    topic: course?.topic ?? '',
    startsOn: course?.startsOn ?? start,
    endsOn: course?.endsOn ?? start,
    place: textOrEmpty(course?.place),
    communeCode: course?.communeCode ?? null,
    organiser: textOrEmpty(course?.organiser),
    trainers: textOrEmpty(course?.trainers),
    participants: course?.participants ?? '',
    attendees: (course?.attendees ?? []).map((line) => ({ subjectId: line.subjectId, people: line.people })),
    note: textOrEmpty(course?.note),
    externalCode: textOrEmpty(course?.externalCode),
  };
}

/** The people the producers sent, beside the course's own participant count. */
function AttendeeTotal({ control }: { control: Control<TrainingFormValues, unknown, TrainingCourseInput> }) {
  const { t } = useTranslation();
  const attendees = useWatch({ control, name: 'attendees' });
  if (attendees.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="attendee-total">
      {t('programme.training.attendeeTotal', { producers: formatNumber(attendees.length), people: formatNumber(attendeePeople(attendees)) })}
    </Text>
  );
}

type TrainingFormProps = {
  defaultValues: TrainingFormValues;
  submitLabel: string;
  onSubmit: (input: TrainingCourseInput) => Promise<unknown>;
  onCancel: () => void;
};

/** A training course: topic, dates, place, who ran it, how many came, and the producers that sent people. */
export function TrainingForm({ defaultValues, submitLabel, onSubmit, onCancel }: TrainingFormProps) {
  const { t } = useTranslation();
  const form = useForm<TrainingFormValues, unknown, TrainingCourseInput>({ resolver, defaultValues });
  const { control, register } = form;
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
        <SectionCard title={t('programme.training.sections.course')}>
          <Stack>
            <TextInput label={t('programme.training.fields.topic')} required error={errors.topic?.message} {...register('topic')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormDateInput control={control} name="startsOn" label={t('programme.training.fields.startsOn')} required error={errors.startsOn?.message} />
              <FormDateInput control={control} name="endsOn" label={t('programme.training.fields.endsOn')} required error={errors.endsOn?.message} />
              <TextInput label={t('programme.training.fields.place')} error={errors.place?.message} {...register('place')} />
              <Controller
                control={control}
                name="communeCode"
                render={({ field }) => (
                  <ActivityCommuneSelect
                    label={t('programme.training.fields.communeCode')}
                    description={t('programme.training.fields.communeHint')}
                    clearable
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.communeCode?.message}
                  />
                )}
              />
              <TextInput label={t('programme.training.fields.organiser')} error={errors.organiser?.message} {...register('organiser')} />
              <TextInput label={t('programme.training.fields.trainers')} error={errors.trainers?.message} {...register('trainers')} />
              <FormNumberInput
                hideControls={false}
                control={control}
                name="participants"
                label={t('programme.training.fields.participants')}
                description={t('programme.training.fields.participantsHint')}
                required
                error={errors.participants?.message}
              />
              <TextInput label={t('programme.fields.externalCode')} error={errors.externalCode?.message} {...register('externalCode')} />
            </SimpleGrid>
            <Textarea label={t('programme.fields.note')} autosize minRows={2} maxRows={6} error={errors.note?.message} {...register('note')} />
          </Stack>
        </SectionCard>

        <SectionCard title={t('programme.training.sections.attendees')}>
          <Stack>
            <FieldArrayEditor
              control={control}
              name="attendees"
              labels={{
                none: t('programme.training.attendees.none'),
                add: t('programme.training.attendees.add'),
                item: (index) => t('programme.training.attendees.item', { index }),
                remove: (index) => t('programme.training.attendees.remove', { index }),
              }}
              blank={{ subjectId: null, people: 1 }}
              focusField="subjectId"
            >
              {(index) => {
                const lineErrors = errors.attendees?.[index];
                return (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Controller
                      control={control}
                      name={`attendees.${index}.subjectId`}
                      render={({ field }) => (
                        <SubjectSelect
                          label={t('programme.training.attendees.subjectId')}
                          required
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          ref={field.ref}
                          error={lineErrors?.subjectId?.message}
                        />
                      )}
                    />
                    <FormNumberInput
                      hideControls={false}
                      control={control}
                      name={`attendees.${index}.people`}
                      label={t('programme.training.attendees.people')}
                      required
                      min={1}
                      error={lineErrors?.people?.message}
                    />
                  </SimpleGrid>
                );
              }}
            </FieldArrayEditor>
            <AttendeeTotal control={control} />
          </Stack>
        </SectionCard>

        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
