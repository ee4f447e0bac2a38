import { fail } from '../../../../contracts/messages.js';
import { IdeaScreeningInput, ProductIdeaInput, TrainingCourseInput } from '../../../../contracts/programme.js';
import { periodProblems } from '../../../../domain/dates/periods.js';
import type { IdeaStatus } from '../../../../domain/programme/index.js';

/**
 * The programme's forms validate with the shared contracts, plus the checks a person filling them
 * in should see before sending (the server makes the same ones).
 */

/**
 * Returning or rejecting an idea comes with the commune's advice (the idea form's "ý kiến hướng
 * dẫn", step 2 of the cycle): the proposer must be told what to improve or why.
 */
export const adviceRequired = (status: IdeaStatus | null | undefined): boolean => status === 'returned' || status === 'rejected';

export const ScreeningBody = IdeaScreeningInput.superRefine((value, ctx) => {
  if (adviceRequired(value.status) && !value.note)
    fail(ctx, { vi: 'Ghi ý kiến hướng dẫn khi trả lại hoặc không chấp nhận ý tưởng.', en: 'Give your advice when returning or rejecting an idea.' }, ['note']);
});

/**
 * A course ends on or after the day it starts. Whether it may lie ahead is the server's to judge by
 * its clock, so only the order is checked here (with mayBeFuture, `today` is not read).
 */
export const TrainingBody = TrainingCourseInput.superRefine((value, ctx) => {
  const period = { start: value.startsOn, end: value.endsOn };
  const problems = periodProblems(period, { start: 'startsOn', end: 'endsOn' }, value.endsOn, { mayBeFuture: true });
  for (const [field, message] of Object.entries(problems)) fail(ctx, message, [field]);
});

/**
 * An idea is somebody's: the registered producer that proposes it or, before it registers, the
 * proposer's name (the idea registration form names its author).
 */
export const IdeaBody = ProductIdeaInput.superRefine((value, ctx) => {
  if (!value.subjectId && !value.proposerName)
    fail(ctx, { vi: 'Chọn chủ thể hoặc ghi tên người đề xuất ý tưởng.', en: 'Choose the producer or give the name of who proposes the idea.' }, [
      'proposerName',
    ]);
});
