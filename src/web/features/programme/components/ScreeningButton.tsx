import { Button, Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilterCheck } from '@tabler/icons-react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useScreenIdea, type IdeaScreeningInput, type ProductIdea } from '../api/ideas.js';
import type { IdeaStatus } from '../../../../domain/programme/index.js';
import { FormDateInput } from '../../../components/FormFields.js';
import { today } from './fields.js';
import { useProgrammeLabels } from './labels.js';
import { adviceRequired, ScreeningBody } from './schemas.js';

type ScreeningFormValues = { status: Exclude<IdeaStatus, 'received'> | null; screenedOn: string | null; note: string };

const resolver = contractResolver<ScreeningFormValues, typeof ScreeningBody>(ScreeningBody);

function ScreeningForm({ idea, onClose }: { idea: ProductIdea; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const screen = useScreenIdea(idea.id);
  const form = useForm<ScreeningFormValues, unknown, IdeaScreeningInput>({
    resolver,
    defaultValues: {
      status: idea.status === 'received' ? null : idea.status,
      screenedOn: idea.screenedOn ?? today(),
      note: textOrEmpty(idea.screeningNote),
    },
  });
  const { control } = form;
  const { errors, isSubmitting } = form.formState;
  const status = useWatch({ control, name: 'status' });
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (body) => {
    try {
      await screen.mutateAsync(body);
      notifySuccess(t('programme.screening.saved'));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormSelect
            control={control}
            name="status"
            label={t('programme.screening.status')}
            required
            data={labels.screeningOptions}
            placeholder={t('select.choose')}
            allowDeselect={false}
            error={errors.status?.message}
          />
          <FormDateInput
            control={control}
            name="screenedOn"
            label={t('programme.screening.screenedOn')}
            required
            maxDate={today()}
            error={errors.screenedOn?.message}
          />
        </SimpleGrid>
        <Textarea
          label={t('programme.screening.note')}
          description={adviceRequired(status) ? t('programme.screening.noteRequired') : t('programme.screening.noteHint')}
          required={adviceRequired(status)}
          autosize
          minRows={3}
          maxRows={10}
          error={errors.note?.message}
          {...form.register('note')}
        />
        <FormActions onCancel={onClose} submitLabel={t('programme.screening.submit')} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}

/** The commune's screening of an idea (step 2 of the cycle): accepted, returned with advice, or rejected. */
export function ScreeningButton({ idea }: { idea: ProductIdea }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const first = idea.status === 'received';
  return (
    <>
      <Button variant={first ? 'filled' : 'light'} leftSection={<IconFilterCheck size={16} aria-hidden />} onClick={open} w="fit-content">
        {first ? t('programme.screening.button') : t('programme.screening.change')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('programme.screening.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {opened && <ScreeningForm idea={idea} onClose={close} />}
      </Modal>
    </>
  );
}
