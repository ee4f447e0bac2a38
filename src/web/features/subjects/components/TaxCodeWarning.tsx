import { Alert, Anchor, Checkbox, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaxCodeHolders } from '../../../../contracts/registry.js';

/**
 * A tax code typed into the subject form is already registered: the holders the user may open,
 * each linked (in a new tab, so the form is not lost), or only "registered elsewhere, ask the
 * provincial office" when none is in the user's scope; and the box confirming a branch, without
 * which the server refuses the code.
 */
export function TaxCodeWarning({ holders, confirm }: { holders: TaxCodeHolders; confirm: UseFormRegisterReturn<'confirmBranch'> }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('subjectChecks.taxCodeTitle')} data-testid="tax-code-taken">
      <Stack gap="xs">
        {holders.subjects.length > 0 ? (
          <>
            <Text size="sm">{t('subjectChecks.taxCodeHolders')}</Text>
            <List size="sm">
              {holders.subjects.map((s) => (
                <List.Item key={s.id}>
                  <Anchor component={Link} to={`/subjects/${s.id}`} target="_blank" rel="noopener" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {s.name}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    ({s.communeName ?? t('subjects.communeUnknown')})
                  </Text>
                </List.Item>
              ))}
            </List>
            <Text size="sm">{t('subjectChecks.taxCodeAdvice')}</Text>
          </>
        ) : (
          <Text size="sm">{t('subjectChecks.taxCodeHidden')}</Text>
        )}
        <Checkbox label={t('subjectChecks.confirmBranch')} description={t('subjectChecks.confirmBranchHint')} {...confirm} />
      </Stack>
    </Alert>
  );
}
