// escalation.yml `urgency` and `routes` with their defaults (schema: schemas/routes.ts).
export interface UrgencySettings {
  useModel: boolean;
  modelThreshold: number;
}

export interface Routes {
  emergency: { team: string };
  integrity: { team: string; category: string };
  crisis: { team: string; selfHarm: { crisisLine: string }; threat: { reply: 'neutral' | 'none' } };
}

export interface RoutesYaml {
  urgency?: Partial<UrgencySettings>;
  routes?: {
    emergency?: { team?: string };
    integrity?: { team?: string; category?: string };
    crisis?: { team?: string; selfHarm?: { crisisLine?: string }; threat?: { reply?: 'neutral' | 'none' } };
  };
}

/** The Saudi Ministry of Health's 24-hour line, used when the agency sets none. */
export const DEFAULT_CRISIS_LINE = '937';

export function compileRoutes(y: RoutesYaml): { urgency: UrgencySettings; routes: Routes } {
  const r = y.routes ?? {};
  return {
    urgency: {
      useModel: y.urgency?.useModel ?? true,
      modelThreshold: y.urgency?.modelThreshold ?? 0.8,
    },
    routes: {
      emergency: { team: r.emergency?.team ?? 'emergencies' },
      integrity: {
        team: r.integrity?.team ?? 'integrity',
        category: r.integrity?.category ?? 'staff_conduct',
      },
      crisis: {
        team: r.crisis?.team ?? 'crisis',
        selfHarm: { crisisLine: r.crisis?.selfHarm?.crisisLine ?? DEFAULT_CRISIS_LINE },
        threat: { reply: r.crisis?.threat?.reply ?? 'neutral' },
      },
    },
  };
}

export type Crisis = 'self_harm' | 'threat';

export type Route = 'emergency' | 'integrity' | 'crisis';

/** What an urgent.yml signal flags (`route:`, default emergency). */
export type SignalRoute = 'emergency' | 'integrity' | Crisis;
