import type { ImportProblem } from '../../../contracts/imports.js';
import { BUDGET_SOURCES } from '../../../contracts/plans.js';
import { formatDateVn } from '../../../domain/dates/calendar.js';
import type { Message } from '../../../domain/errors.js';
import type { ActivityRecords, SupportGrantRecord } from '../../../domain/imports/activity-rows.js';
import { stripUndefined } from '../../../domain/imports/rows.js';
import type { ActivitySheetKey } from '../../../domain/imports/sheets.js';
import { committedTotal, IDEA_STATUS_LABELS, ideaMayHavePlan, type GrantStatus, type IdeaStatus } from '../../../domain/programme/index.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { chainKey } from '../../../domain/market/index.js';
import { activityRecordsRepository as repo } from './activity-records.repository.js';
import { actionOf, changedFields, problemOf, type ImportRecords, type Step } from './import-records.js';

/**
 * The market and programme sheets (issue 13) in the import's pipeline: checked against the file's
 * other sheets and the province's records (crossCheckActivities), compared with what is stored by
 * the records' codes (planActivities), and written in the commit's batches (applyActivities). Like
 * the first three sheets, an import never deletes a record; a row updates the one of its code, so
 * importing the same file again changes nothing.
 */

const codes = <T>(items: readonly T[], pick: (t: T) => string | null | undefined | readonly string[]) => [
  ...new Set(items.flatMap((t) => pick(t) ?? []).filter((c): c is string => typeof c === 'string')),
];

/** The province's records the file's rows name, by their codes. */
async function loadStored(db: DbOrTx, provinceCode: string, r: ImportRecords) {
  const subjects = await repo.subjectsByRef(db, provinceCode, [
    ...codes(r.eventParticipants, (p) => p.subjectCode),
    ...codes(r.supportGrants, (g) => g.subjectCode),
    ...codes(r.trainingAttendees, (a) => a.subjectCode),
    ...codes(r.productIdeas, (i) => i.subjectCode),
    ...codes(r.products, (p) => p.subjectCode),
  ]);
  const products = await repo.productsByRef(db, provinceCode, [
    ...codes(r.salesPoints, (s) => s.productCodes),
    ...codes(r.chainListings, (l) => l.productCode),
    ...codes(r.onlineListings, (l) => l.productCode),
    ...codes(r.eventParticipants, (p) => p.productCodes),
    ...codes(r.businessPlans, (p) => p.productCode),
    ...codes(r.supportGrants, (g) => g.productCode),
  ]);
  const events = await repo.tradeEventsByCode(db, provinceCode, [...codes(r.tradeEvents, (e) => e.code), ...codes(r.eventParticipants, (p) => p.eventCode)]);
  const policies = await repo.supportPoliciesByCode(db, provinceCode, [
    ...codes(r.supportPolicies, (p) => p.code),
    ...codes(r.supportGrants, (g) => g.policyCode),
  ]);
  const courses = await repo.trainingCoursesByCode(db, provinceCode, [
    ...codes(r.trainingCourses, (c) => c.code),
    ...codes(r.trainingAttendees, (a) => a.courseCode),
  ]);
  return {
    subjects,
    products,
    salesPoints: await repo.salesPointsByCode(
      db,
      provinceCode,
      codes(r.salesPoints, (s) => s.code),
    ),
    chainListings: new Map(
      (await repo.chainListingsOf(db, [...new Set([...products.values()].map((p) => p.id))])).map((l) => [`${l.productId}|${l.chainKey}`, l]),
    ),
    onlineListings: await repo.onlineListingsByUrl(
      db,
      codes(r.onlineListings, (l) => l.url),
    ),
    events,
    participants: new Map(
      (
        await repo.participantsOf(
          db,
          [...events.values()].map((e) => e.id),
        )
      ).map((p) => [`${p.eventId}|${p.subjectId}`, p]),
    ),
    ideas: await repo.productIdeasByCode(db, provinceCode, [...codes(r.productIdeas, (i) => i.code), ...codes(r.businessPlans, (p) => p.ideaCode)]),
    plans: await repo.businessPlansByCode(db, provinceCode, [...codes(r.businessPlans, (p) => p.code), ...codes(r.supportGrants, (g) => g.planCode)]),
    policies,
    grants: await repo.grantsOf(
      db,
      [...policies.values()].map((p) => p.id),
    ),
    communicationItems: await repo.communicationItemsByCode(
      db,
      provinceCode,
      codes(r.communicationItems, (i) => i.code),
    ),
    courses,
    attendees: new Map(
      (
        await repo.attendeesOf(
          db,
          [...courses.values()].map((c) => c.id),
        )
      ).map((a) => [`${a.courseId}|${a.subjectId}`, a]),
    ),
  };
}
type Stored = Awaited<ReturnType<typeof loadStored>>;

/** A producer by the province's code, else by its tax code; a product by the province's code or its OCOP code. */
const storedSubject = (stored: Stored, ref: string) => stored.subjects.get(ref);
const storedProduct = (stored: Stored, ref: string) => stored.products.get(ref);

// ——— Checks between sheets and against the database ———

const unknown = (what: Message, code: string): Message => ({
  vi: `Không có ${what.vi} mã ${code} trong tệp (hoặc dòng của nó có lỗi) hay trong hệ thống của tỉnh.`,
  en: `No ${what.en} ${code} in the file (or its row has errors) nor in the province's records.`,
});
const PRODUCER: Message = { vi: 'chủ thể', en: 'producer' };
const PRODUCT: Message = { vi: 'sản phẩm', en: 'product' };
const duplicate = (first: number): Message => ({ vi: `Trùng với dòng ${first}.`, en: `Same record as row ${first}.` });

const over = (vi: string, en: string): Message => ({ vi, en });

/**
 * Every rule that needs more than the row, as the API has them: the producers, products, events,
 * ideas, plans, policies and courses a row names exist (in the file or the province's records), each
 * record once; a product shown or supported is the producer's own; a URL is one product's page; a
 * participant's revenue only once the event has ended; attendees only of a course that has started,
 * no more people than its participants; a plan only on an accepted idea, after its screening, with a
 * product of the idea's producer (or commune); an idea with plans stays accepted, in its commune,
 * with its producer; a grant in its policy's year, within its budget, for a plan of its producer; a
 * new sales point in the province has its commune.
 */
export async function crossCheckActivities(db: DbOrTx, provinceCode: string, records: ImportRecords, today: string, problems: ImportProblem[]) {
  const stored = await loadStored(db, provinceCode, records);
  const push = (sheet: ActivitySheetKey, row: number, column: string, value: string | null, message: Message) =>
    problems.push(problemOf(sheet, row, { column, value, message }));

  const fileSubjects = new Map(records.subjects.map((s) => [s.code, s]));
  const fileProducts = new Map(records.products.map((p) => [p.code, p]));
  /** A producer's identity (its id when stored, its code when only the file has it) and commune. */
  const subjectOf = (ref: string): { id: string; commune: string | undefined } | undefined => {
    const s = storedSubject(stored, ref);
    const inFile = fileSubjects.get(ref);
    if (s && (s.externalCode === ref || !inFile)) return { id: s.id, commune: inFile?.communeCode ?? s.communeCode ?? undefined };
    return inFile ? { id: `new:${ref}`, commune: inFile.communeCode ?? undefined } : undefined;
  };
  const subject = (ref: string) => subjectOf(ref)?.id;
  /** A product's identity, its producer's and its producer's commune (the file's producer when the file has the product). */
  const product = (ref: string): { id: string; subject: string | undefined; commune: string | undefined } | undefined => {
    const inFile = fileProducts.get(ref);
    const s = storedProduct(stored, ref);
    if (inFile) {
      const owner = subjectOf(inFile.subjectCode);
      return { id: s?.id ?? `new:${ref}`, subject: owner?.id, commune: owner?.commune };
    }
    return s ? { id: s.id, subject: s.subjectId, commune: s.communeCode ?? undefined } : undefined;
  };
  function once<T extends { row: number }>(
    sheet: ActivitySheetKey,
    items: readonly T[],
    key: (t: T) => string | null,
    column: string,
    value: (t: T) => string,
  ) {
    const seen = new Map<string, number>();
    for (const item of items) {
      const k = key(item);
      if (k === null) continue;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, item.row);
      else push(sheet, item.row, column, value(item), duplicate(first));
    }
  }
  const checkProduct = (sheet: ActivitySheetKey, row: number, column: string, ref: string, ownerRef?: string) => {
    const p = product(ref);
    if (!p) return push(sheet, row, column, ref, unknown(PRODUCT, ref));
    const owner = ownerRef === undefined ? undefined : subject(ownerRef);
    if (owner && p.subject !== owner)
      push(sheet, row, column, ref, { vi: `Sản phẩm ${ref} không phải của chủ thể ${ownerRef}.`, en: `Product ${ref} is not producer ${ownerRef}'s.` });
  };
  const checkSubject = (sheet: ActivitySheetKey, row: number, column: string, ref: string) => {
    if (!subject(ref)) push(sheet, row, column, ref, unknown(PRODUCER, ref));
  };

  // Sales points.
  once(
    'salesPoints',
    records.salesPoints,
    (s) => s.code,
    'ma_diem_ban',
    (s) => s.code,
  );
  for (const s of records.salesPoints) {
    for (const ref of s.productCodes ?? []) checkProduct('salesPoints', s.row, 'san_pham', ref);
    if (!stored.salesPoints.has(s.code) && (s.placement ?? 'in_province') === 'in_province' && s.communeCode === undefined)
      push('salesPoints', s.row, 'xa', null, { vi: 'Điểm bán mới trong tỉnh cần xã, phường.', en: 'A new sales point in the province needs its commune.' });
  }

  // Chain and e-commerce listings.
  for (const l of records.chainListings) {
    checkProduct('chainListings', l.row, 'ma_san_pham', l.productCode);
    if (!chainKey(l.chain))
      push('chainListings', l.row, 'he_thong', l.chain, { vi: 'Tên hệ thống phải có chữ hoặc số.', en: 'The chain’s name must contain letters or digits.' });
  }
  once(
    'chainListings',
    records.chainListings,
    (l) => (product(l.productCode) ? `${product(l.productCode)!.id}|${chainKey(l.chain)}` : null),
    'he_thong',
    (l) => l.chain,
  );
  once(
    'onlineListings',
    records.onlineListings,
    (l) => l.url,
    'duong_dan',
    (l) => l.url,
  );
  for (const l of records.onlineListings) {
    checkProduct('onlineListings', l.row, 'ma_san_pham', l.productCode);
    const listed = stored.onlineListings.get(l.url);
    const mine = product(l.productCode);
    if (listed && mine && listed.productId !== mine.id)
      push('onlineListings', l.row, 'duong_dan', l.url, {
        vi: 'Đường dẫn này đã được ghi cho một sản phẩm khác: mỗi trang chỉ là của một sản phẩm.',
        en: 'This URL is already recorded for another product: a page is one product’s.',
      });
  }

  // Trade events and their participants.
  once(
    'tradeEvents',
    records.tradeEvents,
    (e) => e.code,
    'ma_su_kien',
    (e) => e.code,
  );
  const fileEvents = new Map(records.tradeEvents.map((e) => [e.code, e]));
  once(
    'eventParticipants',
    records.eventParticipants,
    (p) => (subject(p.subjectCode) ? `${p.eventCode}|${subject(p.subjectCode)}` : null),
    'ma_chu_the',
    (p) => p.subjectCode,
  );
  for (const p of records.eventParticipants) {
    const endsOn = fileEvents.get(p.eventCode)?.endsOn ?? stored.events.get(p.eventCode)?.endsOn;
    if (!endsOn) push('eventParticipants', p.row, 'ma_su_kien', p.eventCode, unknown({ vi: 'sự kiện', en: 'event' }, p.eventCode));
    checkSubject('eventParticipants', p.row, 'ma_chu_the', p.subjectCode);
    for (const ref of p.productCodes ?? []) checkProduct('eventParticipants', p.row, 'san_pham', ref, p.subjectCode);
    // Ended: its last day is past, as for the event's own figures.
    if (endsOn && !(endsOn < today) && p.revenueVnd != null)
      push(
        'eventParticipants',
        p.row,
        'doanh_thu',
        p.revenueVnd.toLocaleString('vi-VN'),
        over(
          `Sự kiện kết thúc ngày ${formatDateVn(endsOn)}: chỉ ghi doanh thu khi đã diễn ra.`,
          `The event ends on ${formatDateVn(endsOn)}: revenue is recorded only once it has.`,
        ),
      );
  }

  // Ideas and business plans (ocop-rules §8, steps 1–4).
  once(
    'productIdeas',
    records.productIdeas,
    (i) => i.code,
    'ma_y_tuong',
    (i) => i.code,
  );
  for (const i of records.productIdeas) if (i.subjectCode) checkSubject('productIdeas', i.row, 'ma_chu_the', i.subjectCode);
  const fileIdeas = new Map(records.productIdeas.map((i) => [i.code, i]));
  const filePlans = new Map(records.businessPlans.map((p) => [p.code, p]));
  const ideasOfPlans = await repo.productIdeasById(
    db,
    [...stored.plans.values()].map((p) => p.ideaId),
  );
  /** What a plan's rules need of an idea: from the file's row where it has one, else as stored. */
  const idea = (code: string) => {
    const inFile = fileIdeas.get(code);
    const kept = stored.ideas.get(code);
    if (!inFile && !kept) return undefined;
    const subjectRef = inFile?.subjectCode !== undefined ? inFile.subjectCode : undefined;
    return {
      status: (inFile?.status ?? kept?.status ?? 'received') as IdeaStatus,
      screenedOn: inFile?.screenedOn !== undefined ? inFile.screenedOn : (kept?.screenedOn ?? null),
      subject: subjectRef !== undefined ? (subjectRef === null ? null : subject(subjectRef)) : (kept?.subjectId ?? null),
      commune: inFile?.communeCode ?? kept!.communeCode,
    };
  };
  /** The idea a plan is built on: the file's plan names it by code; a stored plan by id. */
  const ideaOfPlan = (code: string) => {
    const inFile = filePlans.get(code);
    if (inFile) return idea(inFile.ideaCode);
    const kept = stored.plans.get(code);
    const keptIdea = kept ? ideasOfPlans.get(kept.ideaId) : undefined;
    return keptIdea ? (idea(keptIdea.externalCode ?? '') ?? { subject: keptIdea.subjectId, commune: keptIdea.communeCode }) : undefined;
  };
  once(
    'businessPlans',
    records.businessPlans,
    (p) => p.code,
    'ma_phuong_an',
    (p) => p.code,
  );
  for (const p of records.businessPlans) {
    const of = idea(p.ideaCode);
    if (!of) push('businessPlans', p.row, 'ma_y_tuong', p.ideaCode, unknown({ vi: 'ý tưởng', en: 'idea' }, p.ideaCode));
    else if (!ideaMayHavePlan(of.status))
      push(
        'businessPlans',
        p.row,
        'ma_y_tuong',
        p.ideaCode,
        over(
          `Ý tưởng ${p.ideaCode} chưa được chấp nhận (${IDEA_STATUS_LABELS[of.status].vi}): phương án chỉ xây dựng trên ý tưởng được chấp nhận.`,
          `Idea ${p.ideaCode} is not accepted (${IDEA_STATUS_LABELS[of.status].en}): a plan is built only on an accepted idea.`,
        ),
      );
    else if (of.screenedOn && p.submittedOn < of.screenedOn)
      push(
        'businessPlans',
        p.row,
        'ngay_nop',
        formatDateVn(p.submittedOn),
        over(
          `Ngày nộp phương án không được trước ngày ý tưởng được chấp nhận (${formatDateVn(of.screenedOn)}).`,
          `The plan cannot be submitted before the idea was accepted (${formatDateVn(of.screenedOn)}).`,
        ),
      );
    if (p.productCode) {
      const made = product(p.productCode);
      if (!made) checkProduct('businessPlans', p.row, 'ma_san_pham', p.productCode);
      else if (of && (of.subject ? made.subject !== of.subject : made.commune !== of.commune))
        push(
          'businessPlans',
          p.row,
          'ma_san_pham',
          p.productCode,
          of.subject
            ? over('Sản phẩm không thuộc chủ thể của ý tưởng.', 'The product is not one of the idea’s producer.')
            : over('Sản phẩm không thuộc một chủ thể của xã, phường nhận ý tưởng.', 'The product is not of a producer in the idea’s commune.'),
        );
    }
  }
  // An idea that has plans stored (and not restated by the file) keeps its acceptance, its commune and producer, and was screened before them.
  const storedPlans = await repo.plansOfIdeas(
    db,
    records.productIdeas.flatMap((i) => stored.ideas.get(i.code)?.id ?? []),
  );
  for (const i of records.productIdeas) {
    const kept = stored.ideas.get(i.code);
    if (!kept) continue;
    const plans = storedPlans.filter((p) => p.ideaId === kept.id && !(p.externalCode && filePlans.has(p.externalCode)));
    if (!plans.length) continue;
    const status = i.status ?? (kept.status as IdeaStatus);
    if (!ideaMayHavePlan(status))
      push(
        'productIdeas',
        i.row,
        'trang_thai',
        IDEA_STATUS_LABELS[status].vi,
        over('Ý tưởng đã có phương án sản xuất kinh doanh nên phải giữ kết quả “được chấp nhận”.', 'The idea has business plans, so it stays accepted.'),
      );
    const first = plans.reduce((d, p) => (p.submittedOn < d ? p.submittedOn : d), plans[0]!.submittedOn);
    if (i.screenedOn && i.screenedOn > first)
      push(
        'productIdeas',
        i.row,
        'ngay_sang_loc',
        formatDateVn(i.screenedOn),
        over(
          `Ngày sàng lọc không được sau ngày nộp phương án đầu tiên (${formatDateVn(first)}).`,
          `The screening date cannot be after the first business plan was submitted (${formatDateVn(first)}).`,
        ),
      );
    const movedSubject = i.subjectCode !== undefined && (i.subjectCode === null ? null : subject(i.subjectCode)) !== kept.subjectId;
    if (i.communeCode !== kept.communeCode || movedSubject)
      push(
        'productIdeas',
        i.row,
        i.communeCode !== kept.communeCode ? 'xa' : 'ma_chu_the',
        null,
        over(
          'Ý tưởng đã có phương án sản xuất kinh doanh: không đổi được xã, phường và chủ thể.',
          'The idea has business plans: its commune and producer cannot change.',
        ),
      );
  }

  // Support policies and grants.
  once(
    'supportPolicies',
    records.supportPolicies,
    (p) => p.code,
    'ma_chinh_sach',
    (p) => p.code,
  );
  once(
    'supportGrants',
    records.supportGrants,
    (g) => `${g.policyCode}|${g.code}`,
    'ma_khoan_ho_tro',
    (g) => g.code,
  );
  const filePolicies = new Map(records.supportPolicies.map((p) => [p.code, p]));
  for (const g of records.supportGrants) {
    const policyYear = filePolicies.get(g.policyCode)?.year ?? stored.policies.get(g.policyCode)?.year;
    if (policyYear === undefined) push('supportGrants', g.row, 'ma_chinh_sach', g.policyCode, unknown({ vi: 'chính sách', en: 'policy' }, g.policyCode));
    else if (Number(g.grantedOn.slice(0, 4)) !== policyYear)
      push(
        'supportGrants',
        g.row,
        'ngay_ho_tro',
        formatDateVn(g.grantedOn),
        over(`Khoản hỗ trợ phải được cấp trong năm ${policyYear}, năm của chính sách.`, `The grant must be made in ${policyYear}, the policy's year.`),
      );
    checkSubject('supportGrants', g.row, 'ma_chu_the', g.subjectCode);
    if (g.productCode) checkProduct('supportGrants', g.row, 'ma_san_pham', g.productCode, g.subjectCode);
    if (g.planCode) {
      const of = filePlans.has(g.planCode) || stored.plans.has(g.planCode) ? ideaOfPlan(g.planCode) : undefined;
      const supported = subjectOf(g.subjectCode);
      if (!filePlans.has(g.planCode) && !stored.plans.has(g.planCode))
        push('supportGrants', g.row, 'ma_phuong_an', g.planCode, unknown({ vi: 'phương án', en: 'business plan' }, g.planCode));
      else if (of && supported && (of.subject ? of.subject !== supported.id : of.commune !== supported.commune))
        push(
          'supportGrants',
          g.row,
          'ma_phuong_an',
          g.planCode,
          over('Phương án không thuộc ý tưởng của chủ thể được hỗ trợ.', 'The business plan is not built on an idea of the supported producer.'),
        );
    }
  }
  // A policy's year cannot move away from the grants it has made.
  for (const p of records.supportPolicies) {
    const kept = stored.policies.get(p.code);
    if (!kept) continue;
    const restated = new Set(records.supportGrants.filter((g) => g.policyCode === p.code).map((g) => g.code));
    if (stored.grants.some((g) => g.policyId === kept.id && !restated.has(g.externalCode ?? '') && Number(g.grantedOn.slice(0, 4)) !== p.year))
      push(
        'supportPolicies',
        p.row,
        'nam',
        String(p.year),
        over(
          `Chính sách đã có khoản hỗ trợ trong năm ${kept.year}; không đổi được năm.`,
          `The policy has grants made in ${kept.year}; its year cannot change.`,
        ),
      );
  }
  checkBudgets(records, stored, push);

  // Communication and training.
  once(
    'communicationItems',
    records.communicationItems,
    (i) => i.code,
    'ma_tin_bai',
    (i) => i.code,
  );
  once(
    'trainingCourses',
    records.trainingCourses,
    (c) => c.code,
    'ma_lop',
    (c) => c.code,
  );
  checkAttendees(records, stored, today, subject, push);
}

/**
 * Who came to a course (the API's rules): producers of the province, each once, of a course that
 * has started; the people they sent are among its participants. The row that goes past them is named.
 */
function checkAttendees(
  records: ImportRecords,
  stored: Stored,
  today: string,
  subject: (ref: string) => string | undefined,
  push: (sheet: ActivitySheetKey, row: number, column: string, value: string | null, message: Message) => void,
) {
  const fileCourses = new Map(records.trainingCourses.map((c) => [c.code, c]));
  const seen = new Map<string, number>();
  const sent = new Map<string, number>();
  for (const a of records.trainingAttendees) {
    const inFile = fileCourses.get(a.courseCode);
    const kept = stored.courses.get(a.courseCode);
    const who = subject(a.subjectCode);
    if (!inFile && !kept) push('trainingAttendees', a.row, 'ma_lop', a.courseCode, unknown({ vi: 'lớp tập huấn', en: 'course' }, a.courseCode));
    if (!who) push('trainingAttendees', a.row, 'ma_chu_the', a.subjectCode, unknown(PRODUCER, a.subjectCode));
    else if (seen.has(`${a.courseCode}|${who}`)) push('trainingAttendees', a.row, 'ma_chu_the', a.subjectCode, duplicate(seen.get(`${a.courseCode}|${who}`)!));
    else seen.set(`${a.courseCode}|${who}`, a.row);
    if (!inFile && !kept) continue;
    const startsOn = inFile?.startsOn ?? kept!.startsOn;
    if (startsOn > today)
      push(
        'trainingAttendees',
        a.row,
        'ma_lop',
        a.courseCode,
        over('Lớp chưa khai giảng: chỉ ghi chủ thể tham dự khi lớp đã bắt đầu.', 'The course has not started: record attendees once it has.'),
      );
    // The people of attendees the file does not restate count too.
    if (!sent.has(a.courseCode))
      sent.set(
        a.courseCode,
        kept
          ? [...stored.attendees.values()]
              .filter(
                (s) =>
                  s.courseId === kept.id && !records.trainingAttendees.some((r) => r.courseCode === a.courseCode && subject(r.subjectCode) === s.subjectId),
              )
              .reduce((n, s) => n + s.people, 0)
          : 0,
      );
    const total = sent.get(a.courseCode)! + a.people;
    sent.set(a.courseCode, total);
    const participants = inFile?.participants ?? kept?.participants ?? 0;
    if (total > participants && total - a.people <= participants)
      push(
        'trainingAttendees',
        a.row,
        'so_nguoi',
        String(a.people),
        over(
          `Số học viên của lớp ${a.courseCode} (${participants}) ít hơn tổng số người các chủ thể cử đi (${total}).`,
          `Participants of course ${a.courseCode} (${participants}) are fewer than the people the producers sent (${total}).`,
        ),
      );
  }
}

/**
 * A policy's budget is its ceiling (docs/domain.md): its grants not cancelled — those stored that
 * the file does not restate, then the file's in row order — may not exceed it, nor may a budget the
 * file lowers. The row that goes past it is named.
 */
function checkBudgets(
  records: ImportRecords,
  stored: Stored,
  push: (sheet: ActivitySheetKey, row: number, column: string, value: string | null, message: Message) => void,
) {
  const byPolicy = new Map<string, SupportGrantRecord[]>();
  for (const p of records.supportPolicies) byPolicy.set(p.code, []);
  for (const g of records.supportGrants) byPolicy.set(g.policyCode, [...(byPolicy.get(g.policyCode) ?? []), g]);
  const filePolicies = new Map(records.supportPolicies.map((p) => [p.code, p]));
  for (const [policyCode, grants] of byPolicy) {
    const kept = stored.policies.get(policyCode);
    const inFile = filePolicies.get(policyCode);
    const budget = inFile && inFile.budgetVnd !== undefined ? inFile.budgetVnd : (kept?.budgetVnd ?? null);
    if (budget === null) continue;
    const restated = new Set(grants.map((g) => g.code));
    let committed = committedTotal(
      stored.grants
        .filter((g) => kept && g.policyId === kept.id && !restated.has(g.externalCode ?? ''))
        .map((g) => ({ amountVnd: g.amountVnd, status: g.status as GrantStatus })),
    );
    const exceeded = (total: number) =>
      over(
        `Các khoản hỗ trợ của chính sách ${policyCode} (${total.toLocaleString('vi-VN')} đ) vượt kinh phí của chính sách (${budget.toLocaleString('vi-VN')} đ).`,
        `The grants of policy ${policyCode} (${total.toLocaleString('en')} VND) exceed its budget (${budget.toLocaleString('en')} VND).`,
      );
    if (committed > budget && inFile) {
      push('supportPolicies', inFile.row, 'kinh_phi', budget.toLocaleString('vi-VN'), exceeded(committed));
      continue;
    }
    for (const g of grants) {
      if ((g.status ?? 'approved') === 'cancelled') continue;
      committed += g.amountVnd;
      if (committed > budget) {
        push('supportGrants', g.row, 'so_tien', g.amountVnd.toLocaleString('vi-VN'), exceeded(committed));
        break;
      }
    }
  }
}

// ——— Plan: each row against the stored record of its code ———

type RowOf<K extends ActivitySheetKey> = ActivityRecords[K][number];
export type ActivitySteps = { [K in ActivitySheetKey]: Step<RowOf<K>>[] };

/** A reference the file gives (a code, or null for an empty cell) against the stored id; unresolved (a record the file creates) differs. */
function refChanged(given: string | null | undefined, resolved: string | null | undefined, storedId: string | null): boolean {
  if (given === undefined) return false;
  if (given === null) return storedId !== null;
  return resolved === undefined || resolved !== storedId;
}
const setChanged = (ids: readonly (string | undefined)[], storedIds: readonly string[]) =>
  ids.some((id) => id === undefined) || ids.length !== storedIds.length || ids.some((id) => !storedIds.includes(id!));

const salesPointValues = (s: RowOf<'salesPoints'>) =>
  stripUndefined({
    name: s.name,
    nameSearch: foldVietnamese(s.name),
    kind: s.kind,
    operator: s.operator,
    address: s.address,
    placement: s.placement,
    communeCode: s.communeCode,
    otherProvinceCode: s.otherProvinceCode,
    latitude: s.latitude,
    longitude: s.longitude,
    locationType: s.locationType,
    openedOn: s.openedOn,
    status: s.status,
    closedOn: s.closedOn,
    phone: s.phone,
    note: s.note,
  });
/**
 * A point's Decision 950/QĐ-BCT checklist once the file's items are applied: the items the file
 * says replace the stored ones, the others are kept. Undefined when the file says none.
 */
const mergedChecklist = (s: RowOf<'salesPoints'>, stored: Readonly<Record<string, boolean>> = {}) =>
  s.checklist === undefined ? undefined : { ...stored, ...s.checklist };
/** Whether the file changes an item: an item not stored is not met, as the list shows it. */
const checklistChanged = (s: RowOf<'salesPoints'>, stored: Readonly<Record<string, boolean>>) =>
  Object.entries(s.checklist ?? {}).some(([item, met]) => met !== (stored[item] === true));
const chainListingValues = (l: RowOf<'chainListings'>) =>
  stripUndefined({ chain: l.chain, chainKey: chainKey(l.chain), channel: l.channel, stores: l.stores, since: l.since, active: l.active, note: l.note });
const onlineListingValues = (l: RowOf<'onlineListings'>) => stripUndefined({ platform: l.platform, active: l.active, lastCheckedOn: l.lastCheckedOn });
const tradeEventValues = (e: RowOf<'tradeEvents'>) => {
  const { row: _row, code: _code, ...fields } = e;
  return stripUndefined({ ...fields, nameSearch: foldVietnamese(e.name) });
};
const participantValues = (p: RowOf<'eventParticipants'>) => stripUndefined({ booths: p.booths, revenueVnd: p.revenueVnd });
const ideaValues = (i: RowOf<'productIdeas'>) => {
  const { row: _row, code: _code, subjectCode: _subject, ...fields } = i;
  return stripUndefined({ ...fields, titleSearch: foldVietnamese(i.title) });
};
const planValues = (p: RowOf<'businessPlans'>) => {
  const { row: _row, code: _code, ideaCode: _idea, productCode: _product, ...fields } = p;
  return stripUndefined(fields);
};
const policyValues = (p: RowOf<'supportPolicies'>) => {
  const { row: _row, code: _code, ...fields } = p;
  return stripUndefined(fields);
};
const grantValues = (g: RowOf<'supportGrants'>) => {
  const { row: _row, code: _code, policyCode: _policy, subjectCode: _subject, productCode: _product, planCode: _plan, ...fields } = g;
  // The domain's sources of funds are the plans' budget sources (contracts/plans.ts).
  return stripUndefined({ ...fields, fundingSource: fields.fundingSource satisfies (typeof BUDGET_SOURCES)[number] });
};
const communicationValues = (i: RowOf<'communicationItems'>) => {
  const { row: _row, code: _code, ...fields } = i;
  return stripUndefined(fields);
};
const courseValues = (c: RowOf<'trainingCourses'>) => {
  const { row: _row, code: _code, ...fields } = c;
  return stripUndefined(fields);
};

/** Derived columns a reader of the preview need not see as changes. */
const DERIVED = new Set(['nameSearch', 'titleSearch', 'chainKey']);

function step<V>(
  stored: object | undefined,
  values: Record<string, unknown>,
  extra: string[],
  record: V & { row: number },
  code: string,
  name: string,
): Step<V> {
  const changes = stored ? [...changedFields(stored as Record<string, unknown>, values).filter((k) => !DERIVED.has(k)), ...extra] : [];
  const id = (stored as { id?: string } | undefined)?.id;
  return { action: actionOf(stored, changes), row: record.row, code, name, ...(id ? { id } : {}), values: record, changes };
}

/** What the import would do to each record of the market and programme sheets, against the database as it is now. */
export async function planActivities(db: DbOrTx, provinceCode: string, records: ImportRecords): Promise<{ steps: ActivitySteps; stored: Stored }> {
  const stored = await loadStored(db, provinceCode, records);
  const subjectId = (ref: string) => storedSubject(stored, ref)?.id;
  const productId = (ref: string | null | undefined) => (ref ? storedProduct(stored, ref)?.id : undefined);
  const steps: ActivitySteps = {
    salesPoints: records.salesPoints.map((s) => {
      const kept = stored.salesPoints.get(s.code);
      const products = s.productCodes?.map(productId);
      const extra = kept
        ? [...(checklistChanged(s, kept.checklist) ? ['checklist'] : []), ...(products && setChanged(products, kept.productIds) ? ['products'] : [])]
        : [];
      return step(kept, salesPointValues(s), extra, s, s.code, s.name);
    }),
    chainListings: records.chainListings.map((l) => {
      const pid = productId(l.productCode);
      const kept = pid ? stored.chainListings.get(`${pid}|${chainKey(l.chain)}`) : undefined;
      return step(kept, chainListingValues(l), [], l, l.productCode, l.chain);
    }),
    onlineListings: records.onlineListings.map((l) => {
      const listed = stored.onlineListings.get(l.url);
      const kept = listed && listed.productId === productId(l.productCode) ? listed : undefined;
      return step(kept, onlineListingValues(l), [], l, l.productCode, l.url);
    }),
    tradeEvents: records.tradeEvents.map((e) => step(stored.events.get(e.code), tradeEventValues(e), [], e, e.code, e.name)),
    eventParticipants: records.eventParticipants.map((p) => {
      const eventId = stored.events.get(p.eventCode)?.id;
      const sid = subjectId(p.subjectCode);
      const kept = eventId && sid ? stored.participants.get(`${eventId}|${sid}`) : undefined;
      const products = p.productCodes?.map(productId);
      const extra = kept && products && setChanged(products, kept.productIds) ? ['products'] : [];
      return step(kept, participantValues(p), extra, p, p.eventCode, p.subjectCode);
    }),
    productIdeas: records.productIdeas.map((i) => {
      const kept = stored.ideas.get(i.code);
      const extra = kept && refChanged(i.subjectCode, i.subjectCode ? subjectId(i.subjectCode) : null, kept.subjectId) ? ['subject'] : [];
      return step(kept, ideaValues(i), extra, i, i.code, i.title);
    }),
    businessPlans: records.businessPlans.map((p) => {
      const kept = stored.plans.get(p.code);
      const extra = kept
        ? [
            ...(refChanged(p.ideaCode, stored.ideas.get(p.ideaCode)?.id, kept.ideaId) ? ['idea'] : []),
            ...(refChanged(p.productCode, productId(p.productCode), kept.productId) ? ['product'] : []),
          ]
        : [];
      return step(kept, planValues(p), extra, p, p.code, p.title);
    }),
    supportPolicies: records.supportPolicies.map((p) => step(stored.policies.get(p.code), policyValues(p), [], p, p.code, p.name)),
    supportGrants: records.supportGrants.map((g) => {
      const policyId = stored.policies.get(g.policyCode)?.id;
      const kept = policyId ? stored.grants.find((k) => k.policyId === policyId && k.externalCode === g.code) : undefined;
      const extra = kept
        ? [
            ...(refChanged(g.subjectCode, subjectId(g.subjectCode), kept.subjectId) ? ['subject'] : []),
            ...(refChanged(g.productCode, productId(g.productCode), kept.productId) ? ['product'] : []),
            ...(refChanged(g.planCode, g.planCode ? stored.plans.get(g.planCode)?.id : null, kept.businessPlanId) ? ['businessPlan'] : []),
          ]
        : [];
      return step(kept, grantValues(g), extra, g, `${g.policyCode}/${g.code}`, g.content);
    }),
    communicationItems: records.communicationItems.map((i) => step(stored.communicationItems.get(i.code), communicationValues(i), [], i, i.code, i.title)),
    trainingCourses: records.trainingCourses.map((c) => step(stored.courses.get(c.code), courseValues(c), [], c, c.code, c.topic)),
    trainingAttendees: records.trainingAttendees.map((a) => {
      const courseId = stored.courses.get(a.courseCode)?.id;
      const sid = subjectId(a.subjectCode);
      const kept = courseId && sid ? stored.attendees.get(`${courseId}|${sid}`) : undefined;
      return step(kept, { people: a.people }, [], a, a.courseCode, a.subjectCode);
    }),
  };
  return { steps, stored };
}

// ——— Writing ———

/**
 * Writes the market and programme records inside the caller's transaction (the commit's batch,
 * under the province's import lock), after the batch's producers and products: the plan is made
 * here, so every code the rows name is found. Each record created or changed gets its audit entry.
 * Records the office imports are its own: e-commerce listings are recorded as approved by the
 * importing account, products added to a sales point wait for their producer's consent.
 */
export async function applyActivities(tx: DbOrTx, provinceCode: string, records: ImportRecords, audit: AuditActor, tick: () => void): Promise<ActivitySteps> {
  const { steps, stored } = await planActivities(tx, provinceCode, records);
  const subjectId = (ref: string) => storedSubject(stored, ref)!.id;
  const productId = (ref: string) => storedProduct(stored, ref)!.id;
  const optionalProduct = (ref: string | null | undefined) => (ref === undefined ? {} : { productId: ref === null ? null : productId(ref) });
  const ids = {
    events: new Map([...stored.events].map(([code, e]) => [code, e.id])),
    ideas: new Map([...stored.ideas].map(([code, i]) => [code, i.id])),
    plans: new Map([...stored.plans].map(([code, p]) => [code, p.id])),
    policies: new Map([...stored.policies].map(([code, p]) => [code, p.id])),
    courses: new Map([...stored.courses].map(([code, c]) => [code, c.id])),
  };
  const createdBy = audit.userId;
  const log = (action: 'create' | 'update', entityType: string, entityId: string, after: Record<string, unknown>, before?: Record<string, unknown>) =>
    recordAudit(tx, audit, { action, entityType, entityId, after, ...(before ? { before } : {}) });

  for (const s of steps.salesPoints) {
    tick();
    if (s.action === 'unchanged') continue;
    const r = s.values;
    const products = r.productCodes?.map(productId);
    if (s.action === 'create') {
      const row = await repo.insertSalesPoint(tx, {
        ...salesPointValues(r),
        checklist: mergedChecklist(r) ?? {},
        provinceCode,
        externalCode: r.code,
        createdBy,
      });
      await repo.addCarriedProducts(tx, row.id, products ?? []);
      await log('create', 'sales_point', row.id, { ...row, productIds: products ?? [] });
    } else {
      const kept = stored.salesPoints.get(r.code)!;
      const { productIds: before, ...keptRow } = kept;
      const checklist = mergedChecklist(r, kept.checklist);
      const row = await repo.updateSalesPoint(tx, kept.id, { ...salesPointValues(r), ...(checklist ? { checklist } : {}) });
      if (products) {
        await repo.removeCarriedProducts(
          tx,
          kept.id,
          before.filter((id) => !products.includes(id)),
        );
        await repo.addCarriedProducts(
          tx,
          kept.id,
          products.filter((id) => !before.includes(id)),
        );
      }
      await log('update', 'sales_point', row.id, { ...row, productIds: products ?? before }, { ...keptRow, productIds: before });
    }
  }

  for (const s of steps.chainListings) {
    tick();
    if (s.action === 'create') {
      const row = await repo.insertChainListing(tx, { ...chainListingValues(s.values), productId: productId(s.values.productCode) });
      await log('create', 'distribution_listing', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.chainListings.get(`${productId(s.values.productCode)}|${chainKey(s.values.chain)}`)!;
      const row = await repo.updateChainListing(tx, kept.id, chainListingValues(s.values));
      await log('update', 'distribution_listing', row.id, row, kept);
    }
  }

  for (const s of steps.onlineListings) {
    tick();
    if (s.action === 'create') {
      const row = await repo.insertOnlineListing(tx, {
        ...onlineListingValues(s.values),
        productId: productId(s.values.productCode),
        url: s.values.url,
        status: 'approved',
        reviewedBy: audit.userId,
      });
      await log('create', 'ecommerce_listing', row.id, row);
    } else if (s.action === 'update') {
      const { provinceCode: _p, ...kept } = stored.onlineListings.get(s.values.url)!;
      const row = await repo.updateOnlineListing(tx, kept.id, onlineListingValues(s.values));
      await log('update', 'ecommerce_listing', row.id, row, kept);
    }
  }

  for (const s of steps.tradeEvents) {
    tick();
    if (s.action === 'create') {
      const row = await repo.insertTradeEvent(tx, { placement: 'in_province', ...tradeEventValues(s.values), provinceCode, externalCode: s.code, createdBy });
      ids.events.set(s.code, row.id);
      await log('create', 'trade_event', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.events.get(s.code)!;
      const row = await repo.updateTradeEvent(tx, kept.id, tradeEventValues(s.values));
      await log('update', 'trade_event', row.id, row, kept);
    }
  }

  for (const s of steps.eventParticipants) {
    tick();
    if (s.action === 'unchanged') continue;
    const p = s.values;
    const eventId = ids.events.get(p.eventCode)!;
    const sid = subjectId(p.subjectCode);
    const products = p.productCodes?.map(productId);
    // A participant's audit entry is keyed by the event and the producer: the pair is the record.
    const entityId = `${eventId}/${sid}`;
    if (s.action === 'create') {
      const row = await repo.insertParticipant(tx, { ...participantValues(p), eventId, subjectId: sid });
      await repo.addEventProducts(tx, eventId, products ?? []);
      await log('create', 'trade_event_participant', entityId, { ...row, productIds: products ?? [] });
    } else {
      const { productIds: before, ...kept } = stored.participants.get(`${eventId}|${sid}`)!;
      const row = await repo.updateParticipant(tx, eventId, sid, participantValues(p));
      if (products) {
        await repo.removeEventProducts(
          tx,
          eventId,
          before.filter((id) => !products.includes(id)),
        );
        await repo.addEventProducts(
          tx,
          eventId,
          products.filter((id) => !before.includes(id)),
        );
      }
      await log('update', 'trade_event_participant', entityId, { ...row, productIds: products ?? before }, { ...kept, productIds: before });
    }
  }

  for (const s of steps.productIdeas) {
    tick();
    const i = s.values;
    const subject = i.subjectCode === undefined ? {} : { subjectId: i.subjectCode === null ? null : subjectId(i.subjectCode) };
    if (s.action === 'create') {
      const row = await repo.insertIdea(tx, { ...ideaValues(i), ...subject, provinceCode, externalCode: s.code, createdBy });
      ids.ideas.set(s.code, row.id);
      await log('create', 'product_idea', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.ideas.get(s.code)!;
      const row = await repo.updateIdea(tx, kept.id, { ...ideaValues(i), ...subject });
      await log('update', 'product_idea', row.id, row, kept);
    }
  }

  for (const s of steps.businessPlans) {
    tick();
    const p = s.values;
    const values = { ...planValues(p), ideaId: ids.ideas.get(p.ideaCode)!, ...optionalProduct(p.productCode) };
    if (s.action === 'create') {
      const row = await repo.insertPlan(tx, { ...values, externalCode: s.code });
      ids.plans.set(s.code, row.id);
      await log('create', 'business_plan', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.plans.get(s.code)!;
      const row = await repo.updatePlan(tx, kept.id, values);
      await log('update', 'business_plan', row.id, row, kept);
    }
  }

  for (const s of steps.supportPolicies) {
    tick();
    if (s.action === 'create') {
      const row = await repo.insertPolicy(tx, { ...policyValues(s.values), provinceCode, externalCode: s.code });
      ids.policies.set(s.code, row.id);
      await log('create', 'support_policy', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.policies.get(s.code)!;
      const row = await repo.updatePolicy(tx, kept.id, policyValues(s.values));
      await log('update', 'support_policy', row.id, row, kept);
    }
  }

  for (const s of steps.supportGrants) {
    tick();
    const g = s.values;
    const plan = g.planCode === undefined ? {} : { businessPlanId: g.planCode === null ? null : ids.plans.get(g.planCode)! };
    const values = { ...grantValues(g), subjectId: subjectId(g.subjectCode), ...optionalProduct(g.productCode), ...plan };
    if (s.action === 'create') {
      const row = await repo.insertGrant(tx, { ...values, policyId: ids.policies.get(g.policyCode)!, externalCode: g.code });
      await log('create', 'support_grant', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.grants.find((k) => k.id === s.id)!;
      const row = await repo.updateGrant(tx, kept.id, values);
      await log('update', 'support_grant', row.id, row, kept);
    }
  }

  for (const s of steps.communicationItems) {
    tick();
    if (s.action === 'create') {
      const row = await repo.insertCommunicationItem(tx, { ...communicationValues(s.values), provinceCode, externalCode: s.code });
      await log('create', 'communication_item', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.communicationItems.get(s.code)!;
      const row = await repo.updateCommunicationItem(tx, kept.id, communicationValues(s.values));
      await log('update', 'communication_item', row.id, row, kept);
    }
  }

  for (const s of steps.trainingCourses) {
    tick();
    if (s.action === 'create') {
      const row = await repo.insertCourse(tx, { ...courseValues(s.values), provinceCode, externalCode: s.code });
      ids.courses.set(s.code, row.id);
      await log('create', 'training_course', row.id, row);
    } else if (s.action === 'update') {
      const kept = stored.courses.get(s.code)!;
      const row = await repo.updateCourse(tx, kept.id, courseValues(s.values));
      await log('update', 'training_course', row.id, row, kept);
    }
  }

  for (const s of steps.trainingAttendees) {
    tick();
    const a = s.values;
    const courseId = ids.courses.get(a.courseCode)!;
    const sid = subjectId(a.subjectCode);
    if (s.action === 'create') {
      const row = await repo.insertAttendee(tx, { courseId, subjectId: sid, people: a.people });
      await log('create', 'training_attendee', `${courseId}/${sid}`, row);
    } else if (s.action === 'update') {
      const kept = stored.attendees.get(`${courseId}|${sid}`)!;
      const row = await repo.updateAttendee(tx, courseId, sid, a.people);
      await log('update', 'training_attendee', `${courseId}/${sid}`, row, kept);
    }
  }
  return steps;
}
