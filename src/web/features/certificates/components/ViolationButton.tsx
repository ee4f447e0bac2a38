import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ViolationBody } from '../../../../contracts/certificates.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useRecordViolation, type Certificate } from '../api/certificates.js';
import { useCertificateLabels } from './labels.js';

type ViolationForm = { ground: string | null; concludedOn: string | null; reference: string };

function ViolationFormBody({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useCertificateLabels();
  const record = useRecordViolation(certificate.id);
  const today = todayInVietnam();
  const form = useForm<ViolationForm, unknown, z.output<typeof ViolationBody>>({
    resolver: contractResolver(ViolationBody),
    defaultValues: { ground: null, concludedOn: today, reference: '' },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (body) => {
    try {
      const after = await record.mutateAsync(body);
      notifySuccess(t('certificates.violation.done', { date: formatDate(after.violation?.revokeBy) }));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('certificates.violation.text')}</Text>
        <Controller
          control={form.control}
          name="ground"
          render={({ field }) => (
            <Select
              label={t('certificates.violation.ground')}
              required
              data={labels.groundOptions}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={errors.ground?.message}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="concludedOn"
            render={({ field }) => (
              <DateInput
                label={t('certificates.violation.concludedOn')}
                description={t('certificates.violation.dateHint')}
                required
                valueFormat="DD/MM/YYYY"
                placeholder={t('common.datePlaceholder')}
                minDate={certificate.issuedOn}
                maxDate={today}
                {...typedDateInputProps(field)}
                ref={field.ref}
                error={errors.concludedOn?.message}
              />
            )}
          />
          <TextInput
            label={t('certificates.violation.reference')}
            placeholder={t('certificates.violation.referencePlaceholder')}
            required
            maxLength={300}
            error={errors.reference?.message}
            {...form.register('reference')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={form.formState.isSubmitting}>
            {t('certificates.violation.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records a competent authority's conclusion of a violation (Art. 8.4): revocation then falls due within 15 days. */
export function ViolationButton({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="orange" variant="subtle" leftSection={<IconAlertOctagon size={16} aria-hidden />} onClick={open}>
        {t('certificates.violation.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('certificates.violation.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {opened && <ViolationFormBody certificate={certificate} onClose={close} />}
      </Modal>
    </>
  );
}
