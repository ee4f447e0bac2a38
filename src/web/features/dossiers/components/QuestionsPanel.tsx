import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconMessageQuestion } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QuestionCreateBody } from '../../../../contracts/evaluation.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDateTime } from '../../../lib/format.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { accentInsensitiveFilter } from '../../../lib/text.js';
import { criteriaOfSet } from '../../../components/score-sheet/index.js';
import { useCriteriaSet } from '../../criteria/index.js';
import { useAskQuestion, useCloseQuestion, useQuestions, useReplyToQuestion, type Question } from '../api/questions.js';
import { FormSelect } from '../../../components/FormSelect.js';

const STATUS_COLOR: Record<Question['status'], string> = { open: 'orange', answered: 'blue', closed: 'gray' };

type AskForm = { criterionCode: string | null; question: string };

function AskQuestionForm({ dossierId, legalBasis, setNumber }: { dossierId: string; legalBasis: string; setNumber: number }) {
  const { t } = useTranslation();
  const criteria = useCriteriaSet(legalBasis, setNumber);
  const ask = useAskQuestion(dossierId);
  const options = useMemo(
    () => (criteria.data ? criteriaOfSet(criteria.data.set).map((c) => ({ value: c.code, label: `${c.code}. ${c.label}` })) : []),
    [criteria.data],
  );
  const form = useForm<AskForm, unknown, { criterionCode: string; question: string }>({
    resolver: contractResolver(QuestionCreateBody),
    defaultValues: { criterionCode: null, question: '' },
  });
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (body) => {
    try {
      await ask.mutateAsync(body);
      notifySuccess(t('dossiers.questions.asked'));
      form.reset();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="ask-question">
      <Stack gap="xs">
        <FormSelect
          control={form.control}
          name="criterionCode"
          label={t('dossiers.questions.criterion')}
          placeholder={t('select.choose')}
          data={options}
          searchable
          filter={accentInsensitiveFilter}
          nothingFoundMessage={t('select.nothingFound')}
          required
          error={form.formState.errors.criterionCode?.message}
          disabled={!criteria.data}
        />
        <Textarea
          label={t('dossiers.questions.question')}
          required
          autosize
          minRows={2}
          maxLength={3000}
          error={form.formState.errors.question?.message}
          {...form.register('question')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting} leftSection={<IconMessageQuestion size={16} aria-hidden />}>
            {t('dossiers.questions.ask')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReplyForm({ dossierId, question, label }: { dossierId: string; question: Question; label: string }) {
  const { t } = useTranslation();
  const reply = useReplyToQuestion(dossierId);
  const [body, setBody] = useState('');
  const send = () =>
    reply.mutate(
      { questionId: question.id, body },
      {
        onSuccess: () => {
          setBody('');
          notifySuccess(t('dossiers.questions.sent'));
        },
        onError: (error) => reportMutationError(error),
      },
    );
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Textarea
        aria-label={t('dossiers.questions.replyFor', { code: question.criterionCode })}
        placeholder={label}
        autosize
        minRows={1}
        maxLength={3000}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        style={{ flex: '1 1 14rem' }}
      />
      <Button size="sm" variant="light" onClick={send} loading={reply.isPending} disabled={body.trim() === ''}>
        {label}
      </Button>
    </Group>
  );
}

function QuestionCard({ dossierId, question, mayAsk, mayAnswer }: { dossierId: string; question: Question; mayAsk: boolean; mayAnswer: boolean }) {
  const { t } = useTranslation();
  const close = useCloseQuestion(dossierId);
  const open = question.status !== 'closed';
  return (
    <Card withBorder padding="sm" component="li" data-testid="question" data-status={question.status}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge variant="outline" radius="sm">
              {t('dossiers.questions.criterionBadge', { code: question.criterionCode })}
            </Badge>
            <Badge color={STATUS_COLOR[question.status]}>{t(`dossiers.questions.statuses.${question.status}`)}</Badge>
          </Group>
          {mayAsk && open && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconLock size={14} aria-hidden />}
              loading={close.isPending}
              onClick={() =>
                close.mutate(question.id, { onSuccess: () => notifySuccess(t('dossiers.questions.closed')), onError: (error) => reportMutationError(error) })
              }
            >
              {t('dossiers.questions.close')}
            </Button>
          )}
        </Group>
        <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {question.messages.map((message) => (
            <li key={message.id}>
              <Text size="xs" c="dimmed">
                {message.authorLabel} · {formatDateTime(message.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                {message.body}
              </Text>
            </li>
          ))}
        </Stack>
        {open && mayAnswer && <ReplyForm dossierId={dossierId} question={question} label={t('dossiers.questions.answer')} />}
        {open && mayAsk && !mayAnswer && <ReplyForm dossierId={dossierId} question={question} label={t('dossiers.questions.followUp')} />}
      </Stack>
    </Card>
  );
}

export type QuestionsPanelProps = {
  dossierId: string;
  /** The dossier's criteria (legal basis or its slug, and set number), for the criterion list. */
  legalBasis: string;
  setNumber: number;
  /** The office or a council member on a sitting: may ask, follow up and close. */
  mayAsk: boolean;
  /** The producer or its commune's officer: may answer. */
  mayAnswer: boolean;
  /** Questions are asked while the dossier is under review (received, resubmitted, before the council). */
  underReview: boolean;
};

/** Questions on evidence, one thread per question tied to a criterion; open ones hold the dossier from being scored. */
export function QuestionsPanel({ dossierId, legalBasis, setNumber, mayAsk, mayAnswer, underReview }: QuestionsPanelProps) {
  const { t } = useTranslation();
  const questions = useQuestions(dossierId);
  const openCount = questions.data?.filter((q) => q.status === 'open').length ?? 0;
  return (
    <SectionCard
      title={t('dossiers.questions.title')}
      action={openCount > 0 ? <Badge color="orange">{t('dossiers.questions.openCount', { count: openCount })}</Badge> : undefined}
      data-testid="questions-panel"
    >
      <Stack gap="md">
        <QueryView
          query={questions}
          isEmpty={(data) => data.length === 0}
          empty={
            <Text size="sm" c="dimmed">
              {t('dossiers.questions.empty')}
            </Text>
          }
        >
          {(data) => (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {data.map((question) => (
                <QuestionCard key={question.id} dossierId={dossierId} question={question} mayAsk={mayAsk} mayAnswer={mayAnswer} />
              ))}
            </Stack>
          )}
        </QueryView>
        {mayAsk && underReview && <AskQuestionForm dossierId={dossierId} legalBasis={legalBasis} setNumber={setNumber} />}
      </Stack>
    </SectionCard>
  );
}
