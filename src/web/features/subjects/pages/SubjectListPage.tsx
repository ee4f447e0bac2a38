import { Button, EmptyState } from '@mantine/core';
import { IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useCurrentUser } from '../../../lib/session.js';
import { SUBJECT_PAGE_SIZE, useSubjects } from '../api/subjects.js';
import { isLegalForm, isSubjectStatus } from '../components/labels.js';
import { SUBJECT_FILTERS, SubjectFilters } from '../components/SubjectFilters.js';
import { SubjectCards, SubjectTable } from '../components/SubjectResults.js';

export function SubjectListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const list = useListParams(SUBJECT_FILTERS);
  const { legalForm, communeCode, status } = list.filters;
  const filters = { q: list.q, legalForm: isLegalForm(legalForm) ? legalForm : null, communeCode, status: isSubjectStatus(status) ? status : null };
  const subjects = useSubjects({ ...filters, page: list.page });
  const canCreate = user.role === 'admin' || user.role === 'officer';

  return (
    <>
      <PageHeader
        title={t('subjects.title')}
        actions={
          <>
            <ExportMenu path="/subjects" filters={filters} />
            {canCreate && (
              <Button component={Link} to="/subjects/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('subjects.new')}
              </Button>
            )}
          </>
        }
      />
      <SectionCard>
        <SubjectFilters list={list} />
        {subjects.isPending ? (
          <PageLoader />
        ) : subjects.isError ? (
          <QueryError error={subjects.error} onRetry={() => void subjects.refetch()} />
        ) : subjects.data.items.length === 0 ? (
          <EmptyState icon={<IconBuildingStore aria-hidden />} title={t('subjects.empty')} py="xl" />
        ) : (
          <div style={{ opacity: subjects.isPlaceholderData ? 0.6 : 1 }}>
            {isPhone ? <SubjectCards subjects={subjects.data.items} /> : <SubjectTable subjects={subjects.data.items} />}
            <ListFooter total={subjects.data.total} page={list.page} pageSize={SUBJECT_PAGE_SIZE} onPageChange={list.setPage} />
          </div>
        )}
      </SectionCard>
    </>
  );
}
