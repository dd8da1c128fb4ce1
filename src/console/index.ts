export { startConsole, type ConsoleOptions, type RunningConsole } from './server';
export {
  addStaff,
  removeStaff,
  listStaff,
  setStaffPassword,
  checkCredentials,
  StaffError,
} from './auth/staff';
