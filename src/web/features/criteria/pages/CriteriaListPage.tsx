import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useCurrentUser } from '../../../lib/session.js';
import { useCriteriaVersions, type CriteriaVersion } from '../api/criteria.js';
import { ImportCriteriaButton } from '../components/ImportCriteriaButton.js';
import { VersionCard } from '../components/VersionCard.js';

/** The version in force first, then the newest. */
const byRelevance = (a: CriteriaVersion, b: CriteriaVersion) => Number(b.inForce) - Number(a.inForce) || b.effectiveFrom.localeCompare(a.effectiveFrom);

export function CriteriaListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const versions = useCriteriaVersions();

  return (
    <>
      <PageHeader title={t('criteria.title')} description={t('criteria.intro')} actions={user.role === 'admin' ? <ImportCriteriaButton /> : undefined} />
      {versions.isPending ? (
        <PageLoader />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <Stack>
          {[...versions.data].sort(byRelevance).map((version) => (
            <VersionCard key={version.legalBasis} version={version} />
          ))}
        </Stack>
      )}
    </>
  );
}
