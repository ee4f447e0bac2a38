import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormSetValue,
  type UseFormGetValues,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CouncilCreateBody } from '../../../../contracts/councils.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { todayInVietnam } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';
import { useCouncilUsers, useScoringSettings, type CouncilPosition } from '../api/councils.js';
import { scoresOnCouncil } from './council-members.js';
import { useCouncilLabels } from './labels.js';

/** `voting` null: as the position has it by default (everyone but the secretary scores). */
type MemberForm = { fullName: string; organisation: string; position: CouncilPosition | null; userId: string | null; voting: boolean | null };
export type CouncilFormValues = {
  name: string;
  kind: 'council' | 'advisory_team';
  year: number | string;
  /** The Chair's (the Minister's) decision establishing the council. */
  establishment: { number: string; date: string | null; signer: string; signerTitle: string };
  spreadThreshold: number | string;
  /** Percent in the form, a ratio on the wire. */
  quorumPercent: number | string;
  members: MemberForm[];
};
export type CouncilOutput = z.output<typeof CouncilCreateBody>;
export type CouncilLevel = 'province' | 'ministry';

const emptyMember = (position: CouncilPosition): MemberForm => ({ fullName: '', organisation: '', position, userId: null, voting: null });
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

export function councilFormDefaults(year: number): CouncilFormValues {
  return {
    name: '',
    kind: 'council',
    year,
    establishment: { number: '', date: null, signer: '', signerTitle: '' },
    spreadThreshold: '',
    quorumPercent: '',
    members: [emptyMember('chair'), emptyMember('secretary'), emptyMember('member')],
  };
}

function toInput(values: CouncilFormValues, level: CouncilLevel) {
  const quorum = numberOrNull(values.quorumPercent);
  return {
    name: values.name,
    kind: values.kind,
    level,
    year: numberOrNull(values.year) ?? undefined,
    establishment: values.establishment,
    spreadThreshold: numberOrNull(values.spreadThreshold),
    quorumRatio: quorum === null ? null : quorum / 100,
    members: values.members.map((m) => ({
      fullName: m.fullName,
      organisation: m.organisation,
      position: m.position,
      userId: m.userId ?? null,
      ...(m.position ? { voting: scoresOnCouncil(m) } : {}),
    })),
  };
}

type MembersProps = {
  control: Control<CouncilFormValues, unknown, CouncilOutput>;
  register: UseFormRegister<CouncilFormValues>;
  setValue: UseFormSetValue<CouncilFormValues>;
  getValues: UseFormGetValues<CouncilFormValues>;
  errors: FieldErrors<CouncilFormValues>;
};

/** The members: name, organisation (a member from the producer's organisation does not score it), position, account. */
function MembersField({ control, register, setValue, getValues, errors }: MembersProps) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const users = useCouncilUsers(true);
  const { fields, append, remove } = useFieldArray({ control, name: 'members' });
  const accountOptions = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.email})` }));
  const listError = errors.members?.message ?? errors.members?.root?.message;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('councils.form.membersHint')}
      </Text>
      <ScoringCount control={control} />
      {listError && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" p="sm" data-testid="members-error">
          {listError}
        </Alert>
      )}
      {fields.map((entry, index) => {
        const entryErrors = errors.members?.[index];
        const number = index + 1;
        return (
          <Fieldset key={entry.id} legend={t('councils.form.member', { index: number })} variant="filled" radius="md" data-testid="council-member">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={control}
                name={`members.${index}.userId`}
                render={({ field }) => (
                  <Select
                    label={t('councils.form.account')}
                    description={t('councils.form.accountHint')}
                    placeholder={t('select.choose')}
                    data={accountOptions}
                    searchable
                    filter={accentInsensitiveFilter}
                    nothingFoundMessage={t('select.nothingFound')}
                    clearable
                    value={field.value}
                    onChange={(value) => {
                      field.onChange(value);
                      const user = users.data?.items.find((u) => u.id === value);
                      if (user && !getValues(`members.${index}.fullName`)) setValue(`members.${index}.fullName`, user.fullName);
                    }}
                    error={entryErrors?.userId?.message}
                  />
                )}
              />
              <Controller
                control={control}
                name={`members.${index}.position`}
                render={({ field }) => (
                  <Select
                    label={t('councils.form.position')}
                    required
                    data={labels.positionOptions}
                    allowDeselect={false}
                    value={field.value}
                    onChange={(value) => {
                      field.onChange(value);
                      // A new position starts from its default: the secretary does not score, the others do.
                      setValue(`members.${index}.voting`, null);
                    }}
                    error={entryErrors?.position?.message}
                  />
                )}
              />
              <TextInput label={t('councils.form.fullName')} required error={entryErrors?.fullName?.message} {...register(`members.${index}.fullName`)} />
              <TextInput
                label={t('councils.form.organisation')}
                required
                error={entryErrors?.organisation?.message}
                {...register(`members.${index}.organisation`)}
              />
            </SimpleGrid>
            <VotingCheckbox control={control} index={index} error={entryErrors?.voting?.message} />
            {fields.length > 1 && (
              <Group justify="flex-end" mt="sm">
                <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => remove(index)}>
                  {t('councils.form.removeMember', { index: number })}
                </Button>
              </Group>
            )}
          </Fieldset>
        );
      })}
      <Button
        variant="light"
        w="fit-content"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => append(emptyMember('member'), { focusName: `members.${fields.length}.fullName` })}
      >
        {t('councils.form.addMember')}
      </Button>
    </Stack>
  );
}

/**
 * Whether the member scores (and counts in the quorum). The chair always does; a secretary does only
 * when also appointed a member (ủy viên thư ký).
 */
function VotingCheckbox({ control, index, error }: { control: Control<CouncilFormValues, unknown, CouncilOutput>; index: number; error: string | undefined }) {
  const { t } = useTranslation();
  const position = useWatch({ control, name: `members.${index}.position` });
  return (
    <Controller
      control={control}
      name={`members.${index}.voting`}
      render={({ field }) => (
        <Checkbox
          mt="sm"
          label={t('councils.form.voting')}
          description={t(
            position === 'chair' ? 'councils.form.votingChair' : position === 'secretary' ? 'councils.form.votingSecretary' : 'councils.form.votingHint',
          )}
          checked={scoresOnCouncil({ position, voting: field.value })}
          disabled={position === 'chair'}
          onChange={(event) => field.onChange(event.currentTarget.checked)}
          error={error}
          data-testid="member-voting"
        />
      )}
    />
  );
}

/** How many members score, against the fewest the province's rules allow. */
function ScoringCount({ control }: { control: Control<CouncilFormValues, unknown, CouncilOutput> }) {
  const { t } = useTranslation();
  const settings = useScoringSettings();
  const members = useWatch({ control, name: 'members' });
  const kind = useWatch({ control, name: 'kind' });
  if (kind !== 'council') return null;
  const count = members.filter(scoresOnCouncil).length;
  const min = settings.data?.minCouncilMembers;
  const short = min !== undefined && count < min;
  return (
    <Text size="sm" c={short ? 'red.8' : 'dimmed'} data-testid="scoring-count" data-short={short ? 'yes' : 'no'}>
      {min === undefined ? t('councils.form.scoringCount', { count }) : t('councils.form.scoringCountMin', { count, min })}
    </Text>
  );
}

type CouncilFormProps = { level: CouncilLevel; defaultValues: CouncilFormValues; onSubmit: (input: CouncilOutput) => Promise<unknown>; onCancel: () => void };

/**
 * A council (or advisory team) of the province — or the ministry's central council — for a year, as
 * the establishing decision sets it up: its number, date and signer, and its members, of whom one
 * chair, a secretary and enough scoring members (the server checks the composition and names the
 * members at fault).
 */
export function CouncilForm({ level, defaultValues, onSubmit, onCancel }: CouncilFormProps) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const form = useForm<CouncilFormValues, unknown, CouncilOutput>({
    resolver: contractResolver(CouncilCreateBody, (values: CouncilFormValues) => toInput(values, level)),
    defaultValues,
  });
  const { control, register, formState } = form;
  const { errors } = formState;
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
        <SectionCard title={t('councils.form.general')}>
          <Stack>
            <Text size="sm" c="dimmed" data-testid="council-level">
              {t('councils.form.levelValue', { level: labels.level(level) })}
            </Text>
            <TextInput
              label={t('councils.form.name')}
              placeholder={t('councils.form.namePlaceholder')}
              required
              error={errors.name?.message}
              {...register('name')}
            />
            {/* Four across only where a quarter still holds the longest kind, "Hội đồng đánh giá, phân hạng", whole. */}
            <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }}>
              <Controller
                control={control}
                name="kind"
                render={({ field }) => (
                  <Select
                    label={t('councils.form.kind')}
                    data={[
                      { value: 'council', label: labels.kind('council') },
                      { value: 'advisory_team', label: labels.kind('advisory_team') },
                    ]}
                    allowDeselect={false}
                    value={field.value}
                    onChange={(value) => field.onChange(value)}
                  />
                )}
              />
              <Controller
                control={control}
                name="year"
                render={({ field }) => (
                  <NumberInput
                    label={t('councils.form.year')}
                    required
                    min={2018}
                    max={2100}
                    thousandSeparator=""
                    value={field.value}
                    onChange={field.onChange}
                    error={errors.year?.message}
                  />
                )}
              />
              <Controller
                control={control}
                name="spreadThreshold"
                render={({ field }) => (
                  <NumberInput
                    label={t('councils.form.spreadThreshold')}
                    description={t('councils.form.spreadHint')}
                    min={0}
                    max={100}
                    value={field.value}
                    onChange={field.onChange}
                    error={errors.spreadThreshold?.message}
                  />
                )}
              />
              <Controller
                control={control}
                name="quorumPercent"
                render={({ field }) => (
                  <NumberInput
                    label={t('councils.form.quorum')}
                    description={t('councils.form.quorumHint')}
                    min={1}
                    max={100}
                    suffix=" %"
                    value={field.value}
                    onChange={field.onChange}
                    error={errors.quorumPercent?.message}
                  />
                )}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>
        <SectionCard title={t('councils.establishment.title')} data-testid="council-establishment">
          <Stack>
            <Text size="sm" c="dimmed">
              {t(level === 'ministry' ? 'councils.establishment.hintMinistry' : 'councils.establishment.hint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('councils.establishment.number')}
                placeholder={t('councils.establishment.numberPlaceholder')}
                required
                error={errors.establishment?.number?.message}
                {...register('establishment.number')}
              />
              <Controller
                control={control}
                name="establishment.date"
                render={({ field }) => (
                  <DateInput
                    label={t('councils.establishment.date')}
                    required
                    valueFormat="DD/MM/YYYY"
                    placeholder={t('common.datePlaceholder')}
                    maxDate={todayInVietnam()}
                    {...typedDateInputProps(field)}
                    ref={field.ref}
                    error={errors.establishment?.date?.message}
                  />
                )}
              />
              <TextInput
                label={t('councils.establishment.signer')}
                required
                error={errors.establishment?.signer?.message}
                {...register('establishment.signer')}
              />
              <TextInput
                label={t('councils.establishment.signerTitle')}
                placeholder={t('councils.establishment.signerTitlePlaceholder')}
                required
                error={errors.establishment?.signerTitle?.message}
                {...register('establishment.signerTitle')}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>
        <SectionCard title={t('councils.form.members')}>
          <MembersField control={control} register={register} setValue={form.setValue} getValues={form.getValues} errors={errors} />
        </SectionCard>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {t('councils.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
