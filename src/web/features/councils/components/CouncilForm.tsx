import { Alert, Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm, type Control, type FieldErrors, type UseFormRegister, type UseFormSetValue, type UseFormGetValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CouncilCreateBody } from '../../../../contracts/councils.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';
import { useCouncilUsers, type CouncilPosition } from '../api/councils.js';
import { useCouncilLabels } from './labels.js';

type MemberForm = { fullName: string; organisation: string; position: CouncilPosition | null; userId: string | null };
export type CouncilFormValues = {
  name: string;
  kind: 'council' | 'advisory_team';
  year: number | string;
  spreadThreshold: number | string;
  /** Percent in the form, a ratio on the wire. */
  quorumPercent: number | string;
  members: MemberForm[];
};
export type CouncilOutput = z.output<typeof CouncilCreateBody>;

const emptyMember = (position: CouncilPosition): MemberForm => ({ fullName: '', organisation: '', position, userId: null });
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

export function councilFormDefaults(year: number): CouncilFormValues {
  return { name: '', kind: 'council', year, spreadThreshold: '', quorumPercent: '', members: [emptyMember('chair'), emptyMember('secretary'), emptyMember('member')] };
}

function toInput(values: CouncilFormValues) {
  const quorum = numberOrNull(values.quorumPercent);
  return {
    name: values.name,
    kind: values.kind,
    level: 'province',
    year: numberOrNull(values.year) ?? undefined,
    spreadThreshold: numberOrNull(values.spreadThreshold),
    quorumRatio: quorum === null ? null : quorum / 100,
    members: values.members.map((m) => ({ ...m, userId: m.userId ?? null })),
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
      {listError && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" p="sm">
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
                    onChange={(value) => field.onChange(value)}
                    error={entryErrors?.position?.message}
                  />
                )}
              />
              <TextInput label={t('councils.form.fullName')} required error={entryErrors?.fullName?.message} {...register(`members.${index}.fullName`)} />
              <TextInput label={t('councils.form.organisation')} required error={entryErrors?.organisation?.message} {...register(`members.${index}.organisation`)} />
            </SimpleGrid>
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
      <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => append(emptyMember('member'), { focusName: `members.${fields.length}.fullName` })}>
        {t('councils.form.addMember')}
      </Button>
    </Stack>
  );
}

type CouncilFormProps = { defaultValues: CouncilFormValues; onSubmit: (input: CouncilOutput) => Promise<unknown>; onCancel: () => void };

/** A council (or advisory team) of the province for a year, with its members; exactly one chair. */
export function CouncilForm({ defaultValues, onSubmit, onCancel }: CouncilFormProps) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const form = useForm<CouncilFormValues, unknown, CouncilOutput>({ resolver: contractResolver(CouncilCreateBody, toInput), defaultValues });
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
            <TextInput label={t('councils.form.name')} placeholder={t('councils.form.namePlaceholder')} required error={errors.name?.message} {...register('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
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
                render={({ field }) => <NumberInput label={t('councils.form.year')} required min={2018} max={2100} thousandSeparator="" value={field.value} onChange={field.onChange} error={errors.year?.message} />}
              />
              <Controller
                control={control}
                name="spreadThreshold"
                render={({ field }) => (
                  <NumberInput label={t('councils.form.spreadThreshold')} description={t('councils.form.spreadHint')} min={0} max={100} value={field.value} onChange={field.onChange} error={errors.spreadThreshold?.message} />
                )}
              />
              <Controller
                control={control}
                name="quorumPercent"
                render={({ field }) => (
                  <NumberInput label={t('councils.form.quorum')} description={t('councils.form.quorumHint')} min={1} max={100} suffix=" %" value={field.value} onChange={field.onChange} error={errors.quorumPercent?.message} />
                )}
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
