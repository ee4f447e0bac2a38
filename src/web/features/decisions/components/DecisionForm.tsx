import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DecisionCreateBody } from '../../../../contracts/certificates.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { Dossier } from '../../dossiers/index.js';
import type { DecisionItemInput } from '../api/decisions.js';
import { DecisionItems, type ItemChoice } from './DecisionItems.js';
import { DECISION_MODES, itemErrors, kindOf, levelOf, modeOf, outcomeOf, proposedStar, type DecisionMode } from './recognition.js';
import { todayInVietnam } from '../../../lib/format.js';

type NoticeForm = { number: string; signer: string; signerTitle: string };
type HeaderForm = { number: string; signedOn: string | null; signer: string; signerTitle: string; notice: NoticeForm };
type DecisionOutput = z.output<typeof DecisionCreateBody>;

/**
 * Every dossier starts included with the star its result allows; with `preselected` (coming from a
 * dossier's page), only that one among the dossiers waiting for the same kind of decision.
 */
function initialChoices(dossiers: readonly Dossier[], preselected: Dossier | undefined): Record<string, ItemChoice> {
  const narrowed = preselected ? modeOf(preselected) : null;
  return Object.fromEntries(
    dossiers.map((d) => {
      const mode = modeOf(d);
      return [d.id, { include: narrowed === null || mode !== narrowed || d.id === preselected?.id, star: mode ? proposedStar(mode, outcomeOf(d)) : null }];
    }),
  );
}

/** The notice is optional: all three fields empty mean none; any filled asks for the others. */
const noticeOf = (n: NoticeForm) => (n.number.trim() || n.signer.trim() || n.signerTitle.trim() ? n : undefined);

type DecisionFormProps = {
  dossiers: readonly Dossier[];
  preselected: string | null;
  onSubmit: (body: DecisionOutput) => Promise<unknown>;
  onCancel: () => void;
};

/**
 * A decision on council results: the province's 3–4★ recognition, its approval of a 90-point result
 * for the ministry (Art. 7.3e), or the ministry's 5★ (Art. 7.4). The kinds offered are those the
 * listed dossiers wait for; each item's star stays within what its council result allows.
 */
export function DecisionForm({ dossiers, preselected, onSubmit, onCancel }: DecisionFormProps) {
  const { t } = useTranslation();
  const byMode = (mode: DecisionMode) => dossiers.filter((d) => modeOf(d) === mode);
  const modes = DECISION_MODES.filter((mode) => byMode(mode).length > 0);
  const chosen = dossiers.find((d) => d.id === preselected);
  const [mode, setMode] = useState<DecisionMode>(() => (chosen && modeOf(chosen)) || modes[0] || 'recognition');
  const [choices, setChoices] = useState(() => initialChoices(dossiers, chosen));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const listed = byMode(mode);
  const items: DecisionItemInput[] = listed
    .filter((d) => choices[d.id]?.include)
    .map((d) => ({ dossierId: d.id, star: mode === 'approval' ? null : (choices[d.id]?.star ?? null) }));
  // The resolver is made once; it reads the kind and items chosen at the moment of submitting.
  const current = useRef({ mode, items });
  current.current = { mode, items };
  const signerTitleFor = (m: DecisionMode) => (levelOf(m) === 'ministry' ? t('decisions.defaultMinistrySignerTitle') : t('decisions.defaultSignerTitle'));
  const form = useForm<HeaderForm, unknown, DecisionOutput>({
    resolver: contractResolver(DecisionCreateBody, (values: HeaderForm) => ({
      ...values,
      notice: noticeOf(values.notice),
      kind: kindOf(current.current.mode),
      level: levelOf(current.current.mode),
      items: current.current.items,
    })),
    defaultValues: {
      number: '',
      signedOn: todayInVietnam(),
      signer: '',
      signerTitle: signerTitleFor(mode),
      notice: { number: '', signer: '', signerTitle: '' },
    },
  });
  const formErrors = form.formState.errors as typeof form.formState.errors & { items?: { message?: string } };
  const noticeErrors = form.formState.errors.notice;
  useMessagesFollowLanguage(form);

  const changeMode = (next: DecisionMode) => {
    // The signer's title follows the level unless it was typed in.
    if (!form.getFieldState('signerTitle').isDirty) form.setValue('signerTitle', signerTitleFor(next));
    setErrors({});
    setMode(next);
  };

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
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="decision-form" data-mode={mode}>
      <Stack>
        <SectionCard title={t('decisions.kind')}>
          {modes.length > 1 ? (
            <Radio.Group value={mode} onChange={(value) => changeMode(value as DecisionMode)} aria-label={t('decisions.kind')}>
              <Stack gap="xs">
                {modes.map((m) => (
                  <Radio key={m} value={m} label={t('decisions.modeOption', { label: t(`decisions.modes.${m}`), count: byMode(m).length })} />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <Text fw={600} size="sm" data-testid="decision-mode">
              {t(`decisions.modes.${mode}`)}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {t(`decisions.modeHints.${mode}`)}
          </Text>
        </SectionCard>
        <SectionCard title={t('decisions.sections.header')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('decisions.fields.number')}
              placeholder={mode === 'ministry' ? '123/QĐ-BNNMT' : '123/QĐ-UBND'}
              required
              error={form.formState.errors.number?.message}
              {...form.register('number')}
            />
            <Controller
              control={form.control}
              name="signedOn"
              render={({ field }) => (
                <DateInput
                  label={t('decisions.fields.signedOn')}
                  description={t('decisions.signedOnHint')}
                  required
                  valueFormat="DD/MM/YYYY"
                  placeholder={t('common.datePlaceholder')}
                  maxDate={todayInVietnam()}
                  {...typedDateInputProps(field)}
                  ref={field.ref}
                  error={form.formState.errors.signedOn?.message}
                />
              )}
            />
            <TextInput label={t('decisions.fields.signer')} required error={form.formState.errors.signer?.message} {...form.register('signer')} />
            <TextInput
              label={t('decisions.fields.signerTitle')}
              required
              error={form.formState.errors.signerTitle?.message}
              {...form.register('signerTitle')}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title={t('decisions.sections.items')}>
          <Stack gap="sm">
            {formErrors.items?.message && (
              <Alert color="red" icon={<IconAlertTriangle aria-hidden />} p="sm" role="alert">
                {t('decisions.noneSelected')}
              </Alert>
            )}
            <DecisionItems
              mode={mode}
              dossiers={listed}
              choices={choices}
              errors={errors}
              onChange={(id, choice) => setChoices((all) => ({ ...all, [id]: choice }))}
            />
          </Stack>
        </SectionCard>
        <SectionCard title={t('decisions.notice.title')} data-testid="decision-notice">
          <Text size="xs" c="dimmed" mb="sm">
            {t('decisions.notice.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('decisions.notice.number')}
              placeholder="45/TB-VPĐP"
              error={noticeErrors?.number?.message}
              {...form.register('notice.number')}
            />
            <TextInput label={t('decisions.notice.signer')} error={noticeErrors?.signer?.message} {...form.register('notice.signer')} />
            <TextInput label={t('decisions.notice.signerTitle')} error={noticeErrors?.signerTitle?.message} {...form.register('notice.signerTitle')} />
          </SimpleGrid>
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
