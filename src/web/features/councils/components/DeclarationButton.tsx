import { Button, Group, Modal, Radio, Stack, Text, Textarea, type MantineSize } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeclare } from '../api/councils.js';

type DeclarationButtonProps = { sessionId: string; dossierId: string; productName: string; size?: MantineSize };

/** Before scoring, a member declares whether they have a conflict of interest with the producer; it cannot be changed. */
export function DeclarationButton({ sessionId, dossierId, productName, size }: DeclarationButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const declare = useDeclare(sessionId, dossierId);
  const [answer, setAnswer] = useState<'no' | 'yes' | null>(null);
  const [note, setNote] = useState('');

  const submit = () => {
    if (!answer) return;
    declare.mutate(
      { hasConflict: answer === 'yes', ...(note.trim() ? { note } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('councils.declaration.done'));
          close();
        },
        onError: (error) => reportMutationError(error),
      },
    );
  };

  return (
    <>
      <Button size={size} leftSection={<IconScale size={size === 'xs' ? 14 : 16} aria-hidden />} onClick={open}>
        {t('councils.declaration.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('councils.declaration.title', { name: productName })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('councils.declaration.text')}</Text>
          <Radio.Group value={answer} onChange={(value) => setAnswer(value === 'yes' ? 'yes' : 'no')} label={t('councils.declaration.question')} required>
            <Stack gap={6} mt="xs">
              <Radio value="no" label={t('councils.declaration.none')} />
              <Radio value="yes" label={t('councils.declaration.conflict')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('councils.declaration.note')}
            description={t('common.optional')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Text size="xs" c="dimmed">
            {t('councils.declaration.final')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} disabled={!answer} loading={declare.isPending}>
              {t('councils.declaration.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
