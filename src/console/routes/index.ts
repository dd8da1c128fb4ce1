// Every route of the console in one list (tests walk it to prove nothing leaks anonymously).
import type { Route } from '../router';
import { authRoutes } from './auth';
import { dashboardRoutes } from './dashboard';
import { playgroundRoutes } from './playground';
import { queueRoutes } from './queue';
import { staticRoutes } from './static';
import { alertsRoutes } from './alerts';
import { workRoutes } from './work';
import { staffRoutes } from './staff';
import { notComplaintsRoutes } from './not-complaints';

export function allRoutes(o: { ticketPrefix?: string } = {}): Route[] {
  return [
    ...staticRoutes,
    ...authRoutes,
    ...queueRoutes,
    ...playgroundRoutes(o),
    ...dashboardRoutes,
    ...alertsRoutes,
    ...workRoutes,
    ...staffRoutes,
    ...notComplaintsRoutes(o),
  ];
}
