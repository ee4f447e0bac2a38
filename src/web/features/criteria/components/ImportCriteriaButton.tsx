import { Alert, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconFileImport, IconJson } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api/client.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useImportCriteria } from '../api/criteria.js';

type Rejection = { message: string; problems: readonly string[] };

async function readJson(file: File): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    return { ok: true, value: JSON.parse(await file.text()) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function ImportCriteriaDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const importCriteria = useImportCriteria();
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [rejection, setRejection] = useState<Rejection | null>(null);

  const close = () => {
    setFile(null);
    setRejection(null);
    onClose();
  };

  const submit = async () => {
    if (!file) return;
    setRejection(null);
    setReading(true);
    const parsed = await readJson(file);
    setReading(false);
    if (!parsed.ok) {
      setRejection({ message: t('criteria.import.notJson'), problems: [parsed.message] });
      return;
    }
    importCriteria.mutate(parsed.value, {
      onSuccess: (version) => {
        notifySuccess(t('criteria.import.success', { legalBasis: version.legalBasis, count: version.sets.length }));
        close();
      },
      onError: (error) => setRejection({ message: error.message, problems: isApiError(error) ? error.details : [] }),
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('criteria.import.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('criteria.import.hint')}
        </Text>
        <FileInput
          label={t('criteria.import.file')}
          placeholder={t('criteria.import.placeholder')}
          accept=".json,application/json"
          leftSection={<IconJson size={16} aria-hidden />}
          value={file}
          onChange={(value) => {
            setFile(value);
            setRejection(null);
          }}
          clearable
        />
        {rejection && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={rejection.message} role="alert" data-testid="import-problems">
            {rejection.problems.length > 0 && (
              <List size="sm" spacing={2} mah={280} style={{ overflowY: 'auto' }}>
                {rejection.problems.map((problem, i) => (
                  <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                    {problem}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            disabled={!file}
            loading={reading || importCriteria.isPending}
            leftSection={<IconFileImport size={16} aria-hidden />}
          >
            {t('criteria.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Admins only: upload a criteria version as JSON; the server checks all of it before storing. */
export function ImportCriteriaButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={open} className="print-hidden">
        {t('criteria.import.button')}
      </Button>
      <ImportCriteriaDialog opened={opened} onClose={close} />
    </>
  );
}
