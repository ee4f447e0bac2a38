import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useReviewEcommerceListing, type EcommerceListing } from '../api/listings.js';
import { useMarketLabels } from './labels.js';

export type Review = { listing: EcommerceListing; decision: 'approved' | 'rejected' };

/** Approving or rejecting a producer's proposal, with a note the producer reads (why, most of all when rejected). */
export function ReviewDialog({ review, onClose }: { review: Review | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={review !== null}
      onClose={onClose}
      title={review?.decision === 'rejected' ? t('market.listings.review.rejectTitle') : t('market.listings.review.approveTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {review && <ReviewForm review={review} onClose={onClose} />}
    </Modal>
  );
}

function ReviewForm({ review: { listing, decision }, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useMarketLabels();
  const submitReview = useReviewEcommerceListing();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submitReview.mutate(
          { id: listing.id, decision, note },
          {
            onSuccess: () => {
              notifySuccess(decision === 'approved' ? t('market.listings.review.approved') : t('market.listings.review.rejected'));
              onClose();
            },
            onError: (e) => {
              reportMutationError(e);
              setError(e.message);
            },
          },
        );
      }}
    >
      <Stack>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {listing.productName} — {labels.platform(listing.platform)}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {listing.url}
          </Text>
        </Stack>
        <Textarea
          label={t('market.listings.review.note')}
          description={decision === 'rejected' ? t('market.listings.review.rejectHint') : undefined}
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <FormActions
          onCancel={onClose}
          submitLabel={decision === 'approved' ? t('market.listings.review.approve') : t('market.listings.review.reject')}
          color={decision === 'rejected' ? 'red' : undefined}
          submitting={submitReview.isPending}
        />
      </Stack>
    </form>
  );
}
