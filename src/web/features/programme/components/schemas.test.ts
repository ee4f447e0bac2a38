import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../../contracts/messages.js';
import { adviceRequired, IdeaBody, ScreeningBody, TrainingBody } from './schemas.js';

const errorsOf = (result: { success: boolean; error?: { issues: Parameters<typeof fieldErrors>[0] } }) =>
  result.success || !result.error ? {} : fieldErrors(result.error.issues);

describe('the screening of an idea', () => {
  it('asks for advice only when the idea is returned or rejected', () => {
    expect(adviceRequired('returned')).toBe(true);
    expect(adviceRequired('rejected')).toBe(true);
    expect(adviceRequired('accepted')).toBe(false);
    expect(adviceRequired(null)).toBe(false);
  });

  it('accepts an idea without advice', () => {
    const result = ScreeningBody.safeParse({ status: 'accepted', screenedOn: '2026-03-02', note: '' });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ status: 'accepted', screenedOn: '2026-03-02', note: null });
  });

  it('refuses to return or reject an idea without advice, on the advice field, in both languages', () => {
    for (const status of ['returned', 'rejected']) {
      const errors = errorsOf(ScreeningBody.safeParse({ status, screenedOn: '2026-03-02', note: '   ' }));
      expect(errors).toEqual({
        note: { vi: 'Ghi ý kiến hướng dẫn khi trả lại hoặc không chấp nhận ý tưởng.', en: 'Give your advice when returning or rejecting an idea.' },
      });
    }
  });

  it('does not let a screening set an idea back to received', () => {
    expect(Object.keys(errorsOf(ScreeningBody.safeParse({ status: 'received', screenedOn: '2026-03-02', note: 'x' })))).toEqual(['status']);
  });
});

describe('a training course', () => {
  const course = { topic: 'Xây dựng câu chuyện sản phẩm', startsOn: '2026-04-10', endsOn: '2026-04-12', participants: 40, attendees: [] };

  it('may last one day or several', () => {
    expect(TrainingBody.safeParse(course).success).toBe(true);
    expect(TrainingBody.safeParse({ ...course, endsOn: course.startsOn }).success).toBe(true);
  });

  it('does not end before it starts', () => {
    expect(errorsOf(TrainingBody.safeParse({ ...course, endsOn: '2026-04-09' }))).toEqual({
      endsOn: { vi: 'Ngày kết thúc không được trước ngày bắt đầu.', en: 'The end date cannot be before the start date.' },
    });
  });
});

describe('a product idea', () => {
  const idea = { communeCode: '30037', title: 'Trà tim sen túi lọc', receivedOn: '2026-02-10' };

  it('is proposed by a registered producer or a named person', () => {
    expect(IdeaBody.safeParse({ ...idea, subjectId: '7d0f1c4e-8a58-4a4e-9a52-3b0d7f0e2a11' }).success).toBe(true);
    expect(IdeaBody.safeParse({ ...idea, subjectId: null, proposerName: 'Nguyễn Thị Hoa' }).success).toBe(true);
  });

  it('is refused without either, on the proposer field', () => {
    expect(errorsOf(IdeaBody.safeParse({ ...idea, subjectId: null, proposerName: ' ' }))).toEqual({
      proposerName: { vi: 'Chọn chủ thể hoặc ghi tên người đề xuất ý tưởng.', en: 'Choose the producer or give the name of who proposes the idea.' },
    });
  });
});
