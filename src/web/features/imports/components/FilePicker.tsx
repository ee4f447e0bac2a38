import { ActionIcon, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../lib/format.js';
import { notifyWarning } from '../../../lib/notify.js';

const ACCEPTED = /\.(xlsx|csv)$/iu;
export const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
export const isCsv = (file: File) => /\.csv$/iu.test(file.name);

type FilePickerProps = { files: readonly File[]; onChange: (files: File[]) => void; disabled: boolean };

/** Drop files on the box or pick them; only .xlsx and .csv are kept, a file picked twice once. */
export function FilePicker({ files, onChange, disabled }: FilePickerProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  // Cleared after each pick, so the same file can be picked again after removing it.
  const resetPicker = useRef<() => void>(null);

  const add = (picked: readonly File[]) => {
    const refused = picked.filter((f) => !ACCEPTED.test(f.name));
    if (refused.length) notifyWarning(t('imports.files.refused', { names: refused.map((f) => f.name).join(', ') }));
    const kept = picked.filter((f) => ACCEPTED.test(f.name) && !files.some((g) => g.name === f.name && g.size === f.size));
    if (kept.length) onChange([...files, ...kept]);
    resetPicker.current?.();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) add([...event.dataTransfer.files]);
  };

  return (
    <Stack gap="sm">
      <Paper
        withBorder
        radius="md"
        p="lg"
        onDragOver={(event: DragEvent<HTMLDivElement>) => {
          event.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-color-ocop-6)' : undefined,
          background: over ? 'var(--mantine-color-ocop-0)' : 'var(--mantine-color-gray-0)',
        }}
      >
        <Stack align="center" gap="xs">
          <IconUpload size={32} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text ta="center" size="sm">
            {t('imports.files.drop')}
          </Text>
          <FileButton
            onChange={add}
            accept={ACCEPT}
            multiple
            disabled={disabled}
            resetRef={resetPicker}
            inputProps={{ 'aria-label': t('imports.files.choose') }}
          >
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
                {t('imports.files.choose')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed" ta="center">
            {t('imports.files.hint')}
          </Text>
        </Stack>
      </Paper>
      {files.length > 0 && (
        <Stack gap={4} data-testid="import-files">
          {files.map((file, i) => (
            <Group key={`${file.name}-${i}`} justify="space-between" wrap="nowrap" gap="xs">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconFileSpreadsheet size={18} color="var(--mantine-color-ocop-7)" aria-hidden />
                <Text size="sm" truncate>
                  {file.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {formatBytes(file.size)}
                </Text>
              </Group>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={disabled}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
                aria-label={t('imports.files.remove', { name: file.name })}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
