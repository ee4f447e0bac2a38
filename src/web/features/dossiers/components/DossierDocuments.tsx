import { Button, Stack, Text } from '@mantine/core';
import { IconFileTypeDocx, IconFileZip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { dossierFormUrl, ministryPackageUrl, type Dossier, type DossierForm } from '../api/dossiers.js';
import { hasMinistryPackage } from '../../../../domain/evaluation/dossier-workflow.js';
import { applicableForms } from './documents.js';

const FORM_LABEL: Record<DossierForm, ParseKeys> = {
  'mau-01': 'dossiers.forms.mau01',
  'mau-02': 'dossiers.forms.mau02',
  'mau-03': 'dossiers.forms.mau03',
  'de-nghi-cua-xa': 'dossiers.forms.communeLetter',
  'van-ban-gui-bo': 'dossiers.forms.ministryLetter',
};

/** Downloads of the procedure's documents, filled from the records (DOCX), and the ministry's package (ZIP, for the office). */
export function DossierDocuments({ dossier, filed, isOffice }: { dossier: Dossier; filed: boolean; isOffice: boolean }) {
  const { t } = useTranslation();
  const forms = applicableForms(dossier, filed);
  const withPackage = isOffice && hasMinistryPackage(dossier.state);
  if (forms.length === 0 && !withPackage) return null;
  return (
    <SectionCard title={t('dossiers.sections.documents')} data-testid="dossier-documents">
      <Stack gap="xs" align="flex-start">
        <Text size="xs" c="dimmed">
          {t('dossiers.forms.intro')}
        </Text>
        {forms.map((form) => (
          <Button
            key={form}
            component="a"
            href={dossierFormUrl(dossier.id, form)}
            download
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFileTypeDocx size={16} aria-hidden />}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            data-form={form}
          >
            {t(FORM_LABEL[form])}
          </Button>
        ))}
        {withPackage && (
          <Button
            component="a"
            href={ministryPackageUrl(dossier.id)}
            download
            variant="light"
            size="compact-sm"
            leftSection={<IconFileZip size={16} aria-hidden />}
            mt={4}
          >
            {t('dossiers.forms.ministryPackage')}
          </Button>
        )}
      </Stack>
    </SectionCard>
  );
}
