import { Button } from '@mantine/core';
import { IconArrowBackUp, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import type { DraftAutosave } from '../api/draft-autosave.js';
import { isCopyOf, sheetPdfUrl, useDeleteSelfAssessment, useReopenSelfAssessment, type SelfAssessment } from '../api/self-assessments.js';

type SheetActionsProps = { sheet: SelfAssessment; autosave: DraftAutosave };

/** Download the PDF; reopen a completed sheet; delete a draft. */
export function SheetActions({ sheet, autosave }: SheetActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reopen = useReopenSelfAssessment(sheet.id);
  const remove = useDeleteSelfAssessment(sheet);
  const pdfUrl = sheetPdfUrl(sheet.id);

  return (
    <>
      <Button
        component="a"
        href={pdfUrl}
        download
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        className="print-hidden"
        onClick={(event) => {
          // The PDF is printed from the server's copy: send the last change first.
          if (autosave.state === 'saved') return;
          event.preventDefault();
          void autosave.flush().then((saved) => saved && window.location.assign(pdfUrl));
        }}
      >
        {t('selfAssessment.actions.pdf')}
      </Button>
      {sheet.canEdit && sheet.status === 'completed' && (
        <Button
          variant="light"
          leftSection={<IconArrowBackUp size={16} aria-hidden />}
          loading={reopen.isPending}
          className="print-hidden"
          onClick={() =>
            reopen.mutate(undefined, {
              onSuccess: (reopened) => {
                if (!isCopyOf(reopened, sheet)) return notifySuccess(t('selfAssessment.reopened'));
                // Filed with a dossier: the filed sheet stays as it is; the copy is edited instead.
                notifySuccess(t('selfAssessment.copyCreated'));
                void navigate(`/self-assessments/${reopened.id}`, { state: { copiedFrom: sheet.id } });
              },
              onError: (error) => reportMutationError(error),
            })
          }
        >
          {t('selfAssessment.actions.reopen')}
        </Button>
      )}
      {sheet.canEdit && sheet.status === 'draft' && (
        <div className="print-hidden">
          <ConfirmDeleteButton
            title={t('selfAssessment.deleteTitle')}
            body={t('selfAssessment.deleteBody')}
            confirmLabel={t('selfAssessment.actions.delete')}
            onConfirm={() => {
              autosave.discard();
              return remove.mutateAsync(undefined, {
                onSuccess: () => {
                  notifySuccess(t('selfAssessment.deleted'));
                  void navigate(`/products/${sheet.productId}?tab=self-assessments`, { replace: true });
                },
                onError: (error) => reportMutationError(error),
              });
            }}
          />
        </div>
      )}
    </>
  );
}
