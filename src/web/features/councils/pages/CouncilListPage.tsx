import { Button, EmptyState, SimpleGrid } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { runsCouncils } from '../../../../domain/policies/index.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useActor } from '../../../lib/session.js';
import { useCouncils, useSessions } from '../api/councils.js';
import { CouncilCard } from '../components/CouncilCard.js';

/** The councils the user runs (the office) or sits on (members), each with its sittings. */
export function CouncilListPage() {
  const { t } = useTranslation();
  const isOffice = runsCouncils(useActor());
  const councils = useCouncils();
  const sessions = useSessions();

  const failed = councils.isError ? councils : sessions.isError ? sessions : null;
  return (
    <>
      <PageHeader
        title={t('councils.title')}
        description={t(isOffice ? 'councils.introOffice' : 'councils.introMember')}
        actions={
          <>
            <ExportMenu path="/councils" />
            {isOffice && (
              <Button component={Link} to="/councils/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('councils.new')}
              </Button>
            )}
          </>
        }
      />
      {failed ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !councils.data || !sessions.data ? (
        <PageLoader />
      ) : councils.data.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup aria-hidden />}
          title={t('councils.empty')}
          description={t(isOffice ? 'councils.emptyOffice' : 'councils.emptyMember')}
          py="xl"
        />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {councils.data.map((council) => (
            <CouncilCard key={council.id} council={council} sessions={sessions.data.filter((s) => s.councilId === council.id)} canOpenSessions={isOffice} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
