import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOcopOffice } from '../../../../domain/policies/index.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { useActor } from '../../../lib/session.js';
import { useCriteriaVersions, type CriteriaVersion } from '../api/criteria.js';
import { ImportCriteriaButton } from '../components/ImportCriteriaButton.js';
import { VersionCard } from '../components/VersionCard.js';

/** The version in force first, then the newest. */
const byRelevance = (a: CriteriaVersion, b: CriteriaVersion) => Number(b.inForce) - Number(a.inForce) || b.effectiveFrom.localeCompare(a.effectiveFrom);

export function CriteriaListPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const versions = useCriteriaVersions();

  return (
    <>
      <PageHeader title={t('criteria.title')} description={t('criteria.intro')} actions={isOcopOffice(actor) ? <ImportCriteriaButton /> : undefined} />
      <QueryView query={versions}>
        {(data) => (
          <Stack>
            {[...data].sort(byRelevance).map((version) => (
              <VersionCard key={version.legalBasis} version={version} />
            ))}
          </Stack>
        )}
      </QueryView>
    </>
  );
}
