import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { communes, subjects, trainingAttendees, trainingCourses } from '../../db/schema/index.js';
import { likeEscape } from '../../db/sql-scope.js';

export type CourseRow = typeof trainingCourses.$inferSelect & { communeName: string | null };
export type CourseListRow = CourseRow & { producerCount: number };
export type CourseValues = Omit<typeof trainingCourses.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type AttendeeRow = { subjectId: string; subjectName: string; provinceCode: string; communeCode: string | null; people: number };
type Page = { limit: number; offset: number };

/**
 * Which courses a list shows: those of the province whose activities the caller reads, or, for a
 * producer, those it attended.
 */
export type CourseScope = { provinceCode: string } | { attendedBy: string };
export type CourseFilters = { q?: string | undefined; year?: number | undefined; subjectId?: string | undefined };

const attended = (subjectId: string) =>
  sql`exists (select 1 from ${trainingAttendees} a where a.course_id = ${trainingCourses.id} and a.subject_id = ${subjectId})`;
const producerCount = sql<number>`(select count(*) from ${trainingAttendees} a where a.course_id = ${trainingCourses.id})`.mapWith(Number);
const courseColumns = { ...getTableColumns(trainingCourses), communeName: communes.name };

/** Training courses (lớp tập huấn, đào tạo) and the producers who sent people to them. */
export const trainingRepository = {
  /** One page of the courses in the scope matching the filters, the latest first. */
  async list(db: DbOrTx, scope: CourseScope, f: CourseFilters, page: Page) {
    const folded = f.q ? `%${likeEscape(f.q.trim())}%` : null;
    const where: SQL | undefined = and(
      'provinceCode' in scope ? eq(trainingCourses.provinceCode, scope.provinceCode) : attended(scope.attendedBy),
      f.year ? and(gte(trainingCourses.startsOn, `${f.year}-01-01`), lte(trainingCourses.startsOn, `${f.year}-12-31`)) : undefined,
      f.subjectId ? attended(f.subjectId) : undefined,
      // Topics have no stored folded form: accents and case are ignored on both sides in SQL.
      folded
        ? or(sql`ocop_unaccent(lower(${trainingCourses.topic})) like ocop_unaccent(lower(${folded}))`, eq(trainingCourses.externalCode, f.q!.trim()))
        : undefined,
    );
    const [items, totals] = await Promise.all([
      db
        .select({ ...courseColumns, producerCount })
        .from(trainingCourses)
        .leftJoin(communes, eq(communes.code, trainingCourses.communeCode))
        .where(where)
        .orderBy(desc(trainingCourses.startsOn), desc(trainingCourses.createdAt), trainingCourses.id)
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(trainingCourses).where(where),
    ]);
    return { items: items as CourseListRow[], total: totals[0]?.n ?? 0 };
  },
  get: async (db: DbOrTx, id: string): Promise<CourseRow | undefined> =>
    (
      await db
        .select(courseColumns)
        .from(trainingCourses)
        .leftJoin(communes, eq(communes.code, trainingCourses.communeCode))
        .where(eq(trainingCourses.id, id))
        .limit(1)
    )[0],
  /** A course's attendees with their producer's name and place, in the order of their names. */
  attendeesOf: (db: DbOrTx, courseId: string): Promise<AttendeeRow[]> =>
    db
      .select({
        subjectId: trainingAttendees.subjectId,
        subjectName: subjects.name,
        provinceCode: subjects.provinceCode,
        communeCode: subjects.communeCode,
        people: trainingAttendees.people,
      })
      .from(trainingAttendees)
      .innerJoin(subjects, eq(subjects.id, trainingAttendees.subjectId))
      .where(eq(trainingAttendees.courseId, courseId))
      .orderBy(asc(subjects.sortKey), asc(subjects.id)),
  findByExternalCode: async (db: DbOrTx, provinceCode: string, externalCode: string) =>
    (
      await db
        .select({ id: trainingCourses.id })
        .from(trainingCourses)
        .where(and(eq(trainingCourses.provinceCode, provinceCode), eq(trainingCourses.externalCode, externalCode)))
        .limit(1)
    )[0],
  insert: async (db: DbOrTx, values: CourseValues) => (await db.insert(trainingCourses).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: CourseValues) =>
    (
      await db
        .update(trainingCourses)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(trainingCourses.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(trainingCourses).where(eq(trainingCourses.id, id)),
  /** Replaces every attendee of a course. */
  async replaceAttendees(db: DbOrTx, courseId: string, attendees: readonly { subjectId: string; people: number }[]) {
    await db.delete(trainingAttendees).where(eq(trainingAttendees.courseId, courseId));
    if (attendees.length) await db.insert(trainingAttendees).values(attendees.map((a) => ({ courseId, subjectId: a.subjectId, people: a.people })));
  },

  commune: async (db: DbOrTx, code: string) =>
    (await db.select({ code: communes.code, provinceCode: communes.provinceCode }).from(communes).where(eq(communes.code, code)).limit(1))[0],
  /** The subjects of these ids that exist, with their place. */
  subjects: (db: DbOrTx, ids: readonly string[]) =>
    ids.length
      ? db
          .select({ id: subjects.id, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode })
          .from(subjects)
          .where(inArray(subjects.id, [...ids]))
      : Promise.resolve([]),
};
