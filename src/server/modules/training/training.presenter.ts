import type { TrainingCourse, TrainingListItem } from '../../../contracts/programme.js';
import type { AttendeeRow, CourseListRow, CourseRow } from './training.repository.js';

function courseFields(row: CourseRow): Omit<TrainingCourse, 'attendees'> {
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    externalCode: row.externalCode,
    topic: row.topic,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    place: row.place,
    communeCode: row.communeCode,
    communeName: row.communeName,
    organiser: row.organiser,
    trainers: row.trainers,
    participants: row.participants,
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A course with the attendees the caller is shown (the service decides which). */
export const presentCourse = (row: CourseRow, attendees: readonly AttendeeRow[]): TrainingCourse => ({
  ...courseFields(row),
  attendees: attendees.map((a) => ({ subjectId: a.subjectId, subjectName: a.subjectName, people: a.people })),
});
export const presentCourseListItem = (row: CourseListRow): TrainingListItem => ({ ...courseFields(row), producerCount: row.producerCount });
