/**
 * The working-day calendar (lịch làm việc): the year's days off that deadlines in working days are
 * counted on, and the days moved by notice, which the OCOP office records.
 */
export { CalendarPage } from './pages/CalendarPage.js';
