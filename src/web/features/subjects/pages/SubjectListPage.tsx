import { Button, EmptyState } from '@mantine/core';
import { IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canCreateSubjects, isOcopOffice } from '../../../../domain/policies/index.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useActor } from '../../../lib/session.js';
import { SUBJECT_PAGE_SIZE, useSubjects } from '../api/subjects.js';
import { isLegalForm, isSubjectStatus } from '../components/labels.js';
import { SUBJECT_FILTERS, SubjectFilters } from '../components/SubjectFilters.js';
import { SubjectCards, SubjectTable } from '../components/SubjectResults.js';

export function SubjectListPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const isPhone = useIsPhone();
  const list = useListParams(SUBJECT_FILTERS);
  const { legalForm, communeCode, status, communeUnknown } = list.filters;
  const filters = {
    q: list.q,
    legalForm: isLegalForm(legalForm) ? legalForm : null,
    communeCode,
    status: isSubjectStatus(status) ? status : null,
    communeUnknown: communeUnknown === 'true' ? ('true' as const) : null,
  };
  const subjects = useSubjects({ ...filters, page: list.page });
  const canCreate = canCreateSubjects(actor);

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
        <SubjectFilters list={list} placesProducers={isOcopOffice(actor)} />
        <QueryView
          query={subjects}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState icon={<IconBuildingStore aria-hidden />} title={t('subjects.empty')} py="xl" />}
        >
          {(data) => (
            <div style={{ opacity: subjects.isPlaceholderData ? 0.6 : 1 }}>
              {isPhone ? <SubjectCards subjects={data.items} /> : <SubjectTable subjects={data.items} />}
              <ListFooter total={data.total} page={list.page} pageSize={SUBJECT_PAGE_SIZE} onPageChange={list.setPage} />
            </div>
          )}
        </QueryView>
      </SectionCard>
    </>
  );
}
