import { Button, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { notifyError } from '../../../lib/notify.js';
import { importTemplateUrl, useImportJob, useUploadImport, type ImportSheet } from '../api/imports.js';
import { FilePicker, isCsv } from '../components/FilePicker.js';
import { JobPanel } from '../components/JobPanel.js';
import { useImportLabels } from '../components/labels.js';
import { RecentImports } from '../components/RecentImports.js';

const AUTO = 'auto';

/**
 * Records kept in spreadsheets before the platform (producers, products, earlier results) brought
 * in at once: upload, see every problem or a preview, then commit. The job in the URL (?job=…)
 * survives a refresh while the server works.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const job = useImportJob(jobId);
  const upload = useUploadImport();
  const [files, setFiles] = useState<File[]>([]);
  const [sheet, setSheet] = useState<string>(AUTO);
  const hasCsv = files.some(isCsv);

  const openJob = (id: string | null) => setParams(id ? { job: id } : {}, { replace: false });
  const startOver = () => {
    setFiles([]);
    setSheet(AUTO);
    upload.reset();
    openJob(null);
  };
  const send = () =>
    upload.mutate(
      { files, sheet: hasCsv && sheet !== AUTO ? (sheet as ImportSheet) : null },
      {
        onSuccess: (created) => {
          setFiles([]);
          openJob(created.id);
        },
        onError: notifyError,
      },
    );

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        description={t('imports.intro')}
        actions={
          <Button component="a" href={importTemplateUrl} download variant="light" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('imports.template')}
          </Button>
        }
      />
      <Stack>
        {!jobId && (
          <SectionCard title={t('imports.steps.files')}>
            <Stack>
              <FilePicker files={files} onChange={setFiles} disabled={upload.isPending} />
              {hasCsv && (
                <Select
                  label={t('imports.csvSheet')}
                  description={t('imports.csvSheetHint')}
                  data={[{ value: AUTO, label: t('imports.csvSheetAuto') }, ...labels.sheetOptions]}
                  value={sheet}
                  onChange={(value) => setSheet(value ?? AUTO)}
                  allowDeselect={false}
                  maw={360}
                />
              )}
              {upload.isPending && (
                <Stack gap={4}>
                  <Progress value={upload.progress} size="lg" striped animated aria-label={t('imports.progress.uploading')} />
                  <Text size="sm" c="dimmed">
                    {upload.progress < 100 ? t('imports.progress.uploadingPercent', { percent: upload.progress }) : t('imports.progress.uploaded')}
                  </Text>
                </Stack>
              )}
              <Group justify="flex-end">
                <Button onClick={send} disabled={files.length === 0} loading={upload.isPending} leftSection={<IconFileCheck size={16} aria-hidden />}>
                  {t('imports.check')}
                </Button>
              </Group>
            </Stack>
          </SectionCard>
        )}
        {jobId && (
          <SectionCard title={t('imports.steps.check')}>
            <QueryView query={job}>{(data) => <JobPanel job={data} onStartOver={startOver} />}</QueryView>
          </SectionCard>
        )}
        <SectionCard title={t('imports.recent.title')}>
          <RecentImports onOpen={openJob} currentId={jobId} />
        </SectionCard>
      </Stack>
    </>
  );
}
