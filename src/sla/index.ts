export { addWorkingHours, dueDate } from './working-hours';
export { isWorkingTime, workingIntervals, holidayOn } from './calendar';
export { toLocal, fromLocal, zoneOffsetMs, isValidTimeZone } from './zone';
