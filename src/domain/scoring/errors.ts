import { AppError, type FieldErrors, type Message } from '../errors.js';

export type ScoringIssueCode =
  | 'invalid_sheet'
  | 'set_not_in_version'
  | 'missing_choice'
  | 'unknown_criterion'
  | 'option_out_of_range'
  | 'unknown_case'
  | 'case_not_applicable'
  | 'case_mismatch'
  | 'disqualification_reason_required'
  | 'no_members'
  | 'invalid_settings'
  | 'invalid_attendance';

export interface ScoringIssue {
  readonly code: ScoringIssueCode;
  /** The criterion the issue is about, when there is one. */
  readonly criterion?: string;
  /** 0-based position of the member's sheet in a council aggregation. */
  readonly member?: number;
  readonly message: Message;
}

/**
 * A score sheet (or a council's set of sheets) that cannot be scored. All issues are collected before
 * throwing, so a form can show every mistake at once. It is an `invalid` AppError, so the server's
 * one error handler answers 400 with `fields` keyed like the request body (`choices.1.3`,
 * `members.2.choices.6.1`).
 */
export class ScoringInputError extends AppError {
  constructor(readonly issues: readonly ScoringIssue[]) {
    super(
      'invalid',
      'invalid_score_sheet',
      {
        vi: `Phiếu đánh giá không hợp lệ (${issues.length} lỗi): ${summarise(issues.map((i) => i.message.vi))}`,
        en: `Invalid score sheet (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${summarise(issues.map((i) => i.message.en))}`,
      },
      fieldsOf(issues),
    );
    this.name = 'ScoringInputError';
  }
}

/** The first few problems in the message; every one of them is in `fields`. */
function summarise(messages: string[], shown = 3): string {
  return messages.length <= shown ? messages.join(' ') : `${messages.slice(0, shown).join(' ')} …`;
}

function fieldsOf(issues: readonly ScoringIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const prefix = issue.member === undefined ? '' : `members.${issue.member}.`;
    const key =
      issue.criterion !== undefined
        ? `${prefix}choices.${issue.criterion}`
        : issue.code === 'unknown_case' || issue.code === 'case_not_applicable'
          ? `${prefix}case`
          : issue.code === 'disqualification_reason_required'
            ? `${prefix}disqualified.reason`
            : `${prefix}${issue.code}`;
    // The first issue per field wins: a form shows one message under each input.
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
