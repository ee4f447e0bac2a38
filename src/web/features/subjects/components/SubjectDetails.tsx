import { Badge, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FieldList } from '../../../components/FieldList.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate, formatDateTime, orDash } from '../../../lib/format.js';
import type { Subject } from '../api/subjects.js';
import { useSubjectLabels } from './labels.js';
import { SubjectStatusBadge } from './SubjectStatusBadge.js';
import { CommuneName } from './CommuneName.js';

/** Every recorded field of a subject, grouped as on the registration form. */
export function SubjectDetails({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const labels = useSubjectLabels();
  const field = labels.field;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <SectionCard title={t('subjects.sections.general')}>
        <FieldList
          items={[
            { label: field('name'), value: subject.name },
            { label: field('legalForm'), value: labels.legalForm(subject.legalForm) },
            { label: field('communeCode'), value: <CommuneName name={subject.communeName} /> },
            { label: field('taxCode'), value: orDash(subject.taxCode) },
            { label: field('foundedOn'), value: formatDate(subject.foundedOn) },
            { label: field('status'), value: <SubjectStatusBadge status={subject.status} /> },
          ]}
        />
      </SectionCard>
      <SectionCard title={t('subjects.sections.representative')}>
        <FieldList
          items={[
            { label: field('representativeName'), value: orDash(subject.representativeName) },
            { label: field('representativeGender'), value: subject.representativeGender ? labels.gender(subject.representativeGender) : '—' },
            { label: field('representativeEthnicity'), value: orDash(subject.representativeEthnicity) },
            {
              label: field('representativeDisability'),
              value: (
                <Badge color={subject.representativeDisability ? 'grape' : 'gray'}>{subject.representativeDisability ? t('common.yes') : t('common.no')}</Badge>
              ),
            },
          ]}
        />
      </SectionCard>
      <SectionCard title={t('subjects.sections.contact')}>
        <FieldList
          items={[
            { label: field('address'), value: orDash(subject.address) },
            { label: field('phone'), value: orDash(subject.phone) },
            { label: field('email'), value: orDash(subject.email) },
          ]}
        />
      </SectionCard>
      <SectionCard title={t('subjects.sections.workforce')}>
        <FieldList
          items={[
            { label: field('workforceTotal'), value: orDash(subject.workforceTotal) },
            { label: field('workforceLocal'), value: orDash(subject.workforceLocal) },
            { label: field('workforceWomen'), value: orDash(subject.workforceWomen) },
          ]}
        />
      </SectionCard>
      <SectionCard title={t('subjects.sections.record')}>
        <FieldList
          items={[
            { label: field('externalCode'), value: orDash(subject.externalCode) },
            { label: field('createdAt'), value: formatDateTime(subject.createdAt) },
            { label: field('updatedAt'), value: formatDateTime(subject.updatedAt) },
          ]}
        />
      </SectionCard>
    </SimpleGrid>
  );
}
