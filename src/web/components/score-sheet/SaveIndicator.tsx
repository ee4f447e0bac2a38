import { Button, Group, Loader, Text } from '@mantine/core';
import { IconCircleCheck, IconCloudX, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AutosaveStatus } from './autosave.js';

/** "Đã lưu / Đang lưu… / Chưa lưu", announced politely; a failed save offers to try again. */
export function SaveIndicator({ autosave }: { autosave: AutosaveStatus }) {
  const { t } = useTranslation();
  const { state } = autosave;
  const color = state === 'failed' ? 'red' : state === 'saved' ? 'teal.8' : 'dimmed';
  return (
    <Group gap={4} wrap="nowrap" role="status" aria-live="polite" data-testid="save-state" data-state={state}>
      {state === 'saving' && <Loader size={12} aria-hidden />}
      {state === 'saved' && <IconCircleCheck size={14} color="var(--mantine-color-teal-8)" aria-hidden />}
      {state === 'unsaved' && <IconPencil size={14} color="var(--mantine-color-gray-6)" aria-hidden />}
      {state === 'failed' && <IconCloudX size={14} color="var(--mantine-color-red-7)" aria-hidden />}
      <Text size="xs" c={color} style={{ whiteSpace: 'nowrap' }}>
        {t(`selfAssessment.save.${state}`)}
      </Text>
      {state === 'failed' && (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => void autosave.flush()}>
          {t('selfAssessment.save.retry')}
        </Button>
      )}
    </Group>
  );
}
