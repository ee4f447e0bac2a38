import { Button, EmptyState, Select, SimpleGrid, Tabs } from '@mantine/core';
import { IconCertificate, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { seesProgramme } from '../../../../domain/policies/index.js';
import { ExportMenu } from '../../../components/ExportMenu.js';
import { ListFooter } from '../../../components/ListFooter.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useListParams, type ListParams } from '../../../lib/list-params.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useActor } from '../../../lib/session.js';
import { CERTIFICATE_PAGE_SIZE, useCertificates } from '../api/certificates.js';
import { CertificateCards, CertificateTable } from '../components/CertificateResults.js';
import { isCertificateStatus, useCertificateLabels } from '../components/labels.js';
import { Worklist } from '../components/Worklist.js';

const FILTERS = ['status', 'tab'] as const;

function CertificateList({ list }: { list: ListParams<(typeof FILTERS)[number]> }) {
  const { t } = useTranslation();
  const labels = useCertificateLabels();
  const isPhone = useIsPhone();
  const status = list.filters.status;
  const certificates = useCertificates({ page: list.page, status: isCertificateStatus(status) ? status : null });
  return (
    <SectionCard>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
        <Select
          label={t('certificates.fields.status')}
          placeholder={t('common.all')}
          data={labels.statusOptions}
          value={status}
          onChange={(value) => list.setFilter('status', value)}
          clearable
        />
        {status && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() => list.setFilter('status', null)}
            style={{ justifySelf: 'start', alignSelf: 'end' }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </SimpleGrid>
      <QueryView
        query={certificates}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState icon={<IconCertificate aria-hidden />} title={t('certificates.empty')} py="xl" />}
      >
        {(data) => (
          <div style={{ opacity: certificates.isPlaceholderData ? 0.6 : 1 }}>
            {isPhone ? <CertificateCards certificates={data.items} /> : <CertificateTable certificates={data.items} />}
            <ListFooter total={data.total} page={list.page} pageSize={CERTIFICATE_PAGE_SIZE} onPageChange={list.setPage} />
          </div>
        )}
      </QueryView>
    </SectionCard>
  );
}

/** Certificates in the user's scope; the office and commune officers also get the re-rating work list. */
export function CertificateListPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const list = useListParams(FILTERS);
  const hasWorklist = seesProgramme(actor);
  const tab = hasWorklist && list.filters.tab === 'worklist' ? 'worklist' : 'list';
  const status = list.filters.status;
  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        description={t('certificates.intro')}
        actions={tab === 'list' && <ExportMenu path="/certificates" filters={{ status: isCertificateStatus(status) ? status : null }} />}
      />
      {hasWorklist ? (
        <Tabs value={tab} onChange={(value) => list.setFilter('tab', value === 'worklist' ? 'worklist' : null)} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="list">{t('certificates.tabs.list')}</Tabs.Tab>
            <Tabs.Tab value="worklist">{t('certificates.tabs.worklist')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="list">
            <CertificateList list={list} />
          </Tabs.Panel>
          <Tabs.Panel value="worklist">
            <Worklist />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <CertificateList list={list} />
      )}
    </>
  );
}
