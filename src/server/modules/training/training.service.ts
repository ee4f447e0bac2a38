import type { TrainingCourseInput, TrainingListQuery } from '../../../contracts/programme.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { periodProblems } from '../../../domain/dates/periods.js';
import { forbidden, invalid, notFound, type FieldErrors } from '../../../domain/errors.js';
import { activitiesProvince, canEditActivity, canReadActivity, canReadSubject, ownSubjectOf, type Actor } from '../../../domain/policies/index.js';
import { normalizeText } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { presentCourse, presentCourseListItem } from './training.presenter.js';
import { trainingRepository as repo, type AttendeeRow, type CourseFilters, type CourseRow, type CourseScope } from './training.repository.js';

const COURSE = { vi: 'lớp tập huấn', en: 'training course' };
const text = (v: string | null | undefined) => (v == null ? null : normalizeText(v));

/**
 * Training courses (lớp tập huấn, đào tạo) and the producers who sent people to them. The office
 * keeps every course of the province, a commune officer those held in their communes; the
 * province's officers read them all; a producer reads the courses it attended.
 */
export function createTrainingService(db: Db, deploymentProvince: string, clock: () => Date) {
  const today = () => vietnamDate(clock());

  function scopeOf(actor: Actor): CourseScope | null {
    const province = activitiesProvince(actor, deploymentProvince);
    if (province) return { provinceCode: province };
    const own = ownSubjectOf(actor);
    return own ? { attendedBy: own } : null;
  }

  /**
   * The attendees a caller is shown: all of them to whoever keeps the course; to a reader, only the
   * producers it sees in the registry (its own, for a producer; its communes', for an officer).
   */
  const shownAttendees = (actor: Actor, course: CourseRow, attendees: AttendeeRow[]) =>
    canEditActivity(actor, course, deploymentProvince) ? attendees : attendees.filter((a) => canReadSubject(actor, { id: a.subjectId, ...a }));

  async function load(actor: Actor, id: string) {
    const course = await repo.get(db, id);
    if (!course) throw notFound(COURSE);
    const attendees = await repo.attendeesOf(db, id);
    const own = ownSubjectOf(actor);
    // 404 rather than 403: a caller outside the scope must not learn that the record exists.
    if (!canReadActivity(actor, course, deploymentProvince) && !(own && attendees.some((a) => a.subjectId === own))) throw notFound(COURSE);
    return { course, attendees };
  }

  /** Where a course is held: a commune of the caller's province, or nowhere in it (null). */
  async function placeFor(actor: Actor, communeCode: string | null | undefined) {
    const provinceCode = activitiesProvince(actor, deploymentProvince);
    if (!provinceCode) throw forbidden();
    if (communeCode) {
      const commune = await repo.commune(db, communeCode);
      if (!commune || commune.provinceCode !== provinceCode) {
        const message = { vi: `Xã/phường mã ${communeCode} không thuộc tỉnh.`, en: `Commune ${communeCode} is not in the province.` };
        throw invalid('commune_outside_province', message, { communeCode: message });
      }
    }
    const place = { provinceCode, communeCode: communeCode ?? null };
    if (!canEditActivity(actor, place, deploymentProvince)) throw forbidden();
    return place;
  }

  /**
   * A course may be entered ahead of its start, but who came is known only once it has started;
   * the people the producers sent are among the participants; attendees are producers of the
   * province, each once.
   */
  async function check(provinceCode: string, input: TrainingCourseInput, beforeId: string | null) {
    const now = today();
    const fields: FieldErrors = periodProblems({ start: input.startsOn, end: input.endsOn }, { start: 'startsOn', end: 'endsOn' }, now, { mayBeFuture: true });
    const details: string[] = [];
    const started = input.startsOn <= now;
    if (!started && input.participants > 0)
      fields.participants = {
        vi: 'Lớp chưa khai giảng: chỉ ghi số học viên khi lớp đã bắt đầu.',
        en: 'The course has not started: record participants once it has.',
      };
    if (!started && input.attendees.length)
      fields.attendees = {
        vi: 'Lớp chưa khai giảng: chỉ ghi chủ thể tham dự khi lớp đã bắt đầu.',
        en: 'The course has not started: record attendees once it has.',
      };
    const known = new Set(
      (
        await repo.subjects(
          db,
          input.attendees.map((a) => a.subjectId),
        )
      )
        .filter((s) => s.provinceCode === provinceCode)
        .map((s) => s.id),
    );
    const seen = new Set<string>();
    input.attendees.forEach((a, i) => {
      if (!known.has(a.subjectId)) details.push(`attendees.${i}: không có chủ thể này trong tỉnh / no such subject in the province`);
      else if (seen.has(a.subjectId)) details.push(`attendees.${i}: chủ thể đã có trong danh sách / subject listed twice`);
      seen.add(a.subjectId);
    });
    if (details.length && !fields.attendees)
      fields.attendees = { vi: 'Danh sách chủ thể tham dự có chủ thể không hợp lệ hoặc trùng.', en: 'Some attendees are unknown or listed twice.' };
    const sent = input.attendees.reduce((n, a) => n + a.people, 0);
    if (!fields.participants && sent > input.participants)
      fields.participants = {
        vi: `Số học viên (${input.participants}) ít hơn tổng số người các chủ thể cử đi (${sent}).`,
        en: `Participants (${input.participants}) are fewer than the people the producers sent (${sent}).`,
      };
    if (input.externalCode) {
      const holder = await repo.findByExternalCode(db, provinceCode, input.externalCode);
      if (holder && holder.id !== beforeId) fields.externalCode = { vi: 'Mã này đã dùng cho lớp khác.', en: 'This code is already used by another course.' };
    }
    if (Object.keys(fields).length)
      throw invalid(
        'invalid_training_course',
        { vi: 'Lớp tập huấn có thông tin chưa hợp lệ.', en: 'The training course has invalid fields.' },
        fields,
        details,
      );
  }

  const values = (place: { provinceCode: string; communeCode: string | null }, input: TrainingCourseInput) => ({
    ...place,
    externalCode: input.externalCode ?? null,
    topic: normalizeText(input.topic),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    place: text(input.place),
    organiser: text(input.organiser),
    trainers: text(input.trainers),
    participants: input.participants,
    note: text(input.note),
  });
  const attendeeValues = (input: TrainingCourseInput) => input.attendees.map((a) => ({ subjectId: a.subjectId, people: a.people }));

  /** One page of the list; filtering on a producer the caller does not see in the registry finds nothing (attendance is the producer's). */
  async function listPage(actor: Actor, f: CourseFilters, page: { limit: number; offset: number }) {
    const scope = scopeOf(actor);
    if (!scope) throw forbidden();
    if (f.subjectId) {
      const [subject] = await repo.subjects(db, [f.subjectId]);
      if (!subject || !canReadSubject(actor, subject)) return { items: [], total: 0 };
    }
    return repo.list(db, scope, f, page);
  }

  async function view(actor: Actor, id: string) {
    const { course, attendees } = await load(actor, id);
    return presentCourse(course, shownAttendees(actor, course, attendees));
  }

  return {
    async list(actor: Actor, f: TrainingListQuery) {
      const { items, total } = await listPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: items.map(presentCourseListItem), total, page: f.page, pageSize: f.pageSize };
    },
    /** Every course the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: CourseFilters) => inPages(async (page) => (await listPage(actor, f, page)).items.map(presentCourseListItem)),

    get: view,

    async create(actor: Actor, audit: AuditActor, input: TrainingCourseInput) {
      const place = await placeFor(actor, input.communeCode);
      await check(place.provinceCode, input, null);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, values(place, input));
        await repo.replaceAttendees(tx, row.id, attendeeValues(input));
        await recordAudit(tx, audit, {
          action: 'create',
          entityType: 'training_course',
          entityId: row.id,
          after: { ...row, attendees: attendeeValues(input) },
        });
        return row.id;
      });
      return view(actor, id);
    },

    /** Changes a course and replaces its attendees, in one transaction. */
    async update(actor: Actor, audit: AuditActor, id: string, input: TrainingCourseInput) {
      const { course, attendees } = await load(actor, id);
      if (!canEditActivity(actor, course, deploymentProvince)) throw forbidden();
      const place = await placeFor(actor, input.communeCode);
      await check(place.provinceCode, input, id);
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, values(place, input));
        await repo.replaceAttendees(tx, id, attendeeValues(input));
        const { communeName: _c, ...before } = course;
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'training_course',
          entityId: id,
          before: { ...before, attendees: attendees.map((a) => ({ subjectId: a.subjectId, people: a.people })) },
          after: { ...after, attendees: attendeeValues(input) },
        });
      });
      return view(actor, id);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const { course, attendees } = await load(actor, id);
      if (!canEditActivity(actor, course, deploymentProvince)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        const { communeName: _c, ...before } = course;
        await recordAudit(tx, audit, {
          action: 'delete',
          entityType: 'training_course',
          entityId: id,
          before: { ...before, attendees: attendees.map((a) => ({ subjectId: a.subjectId, people: a.people })) },
        });
      });
    },
  };
}
export type TrainingService = ReturnType<typeof createTrainingService>;
