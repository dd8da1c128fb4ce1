// /admin/* over HTTP: the same operations as the in-process API, for other processes
// (the chaos harness, `mujib sandbox inject`). JSON in, JSON out, same bearer token.
import type { Fault } from './faults';
import type { LimitOverrides } from './rate-limits';
import type { EmulatorState, InjectMention } from './state';

export interface AdminReply {
  status: number;
  body: unknown;
}

type Body = Record<string, unknown>;

function asDate(v: unknown): Date | undefined {
  if (v === undefined || v === null) return undefined;
  const d = new Date(v as string);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${String(v)}`);
  return d;
}

export function handleAdmin(state: EmulatorState, method: string, path: string, body: unknown): AdminReply {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case 'GET /admin/state':
        return {
          status: 200,
          body: {
            agency: state.agency,
            limits: state.limiter.limits,
            postDailyCap: state.limiter.postDailyCap ?? null,
            faults: state.faults.list(),
            mentions: state.store.mentionsOf(state.agency.id).length,
            posts: state.posts().length,
          },
        };
      case 'POST /admin/mentions':
        return {
          status: 201,
          body: { data: state.injectMention({ ...b, createdAt: asDate(b.createdAt) } as InjectMention) },
        };
      case 'POST /admin/own-tweets':
        return {
          status: 201,
          body: {
            data: state.injectOwnTweet(String(b.text ?? ''), {
              inReplyToId: b.inReplyToId as string | undefined,
              createdAt: asDate(b.createdAt),
            }),
          },
        };
      case 'POST /admin/edit-tweet':
        return { status: 201, body: { data: state.editTweet(String(b.id), String(b.text ?? '')) } };
      case 'POST /admin/budget':
        state.setBudget(b as never);
        return { status: 200, body: { data: state.budget } };
      case 'POST /admin/delete-tweet':
        state.deleteTweet(String(b.id));
        return { status: 200, body: { data: { deleted: true } } };
      case 'GET /admin/posts':
        return { status: 200, body: { data: state.posts() } };
      case 'GET /admin/requests':
        return { status: 200, body: { data: state.log } };
      case 'POST /admin/faults':
        state.injectFault(b as unknown as Fault);
        return { status: 201, body: { data: state.faults.list() } };
      case 'DELETE /admin/faults':
        state.faults.clear();
        return { status: 200, body: { data: [] } };
      case 'POST /admin/limits':
        state.setLimits((b.limits ?? {}) as LimitOverrides, b.postDailyCap as number | null | undefined);
        return {
          status: 200,
          body: { data: { limits: state.limiter.limits, postDailyCap: state.limiter.postDailyCap ?? null } },
        };
      case 'POST /admin/reset':
        state.reset();
        return { status: 200, body: { data: { reset: true } } };
      default:
        return { status: 404, body: { error: `no admin route ${route}` } };
    }
  } catch (e) {
    return { status: 400, body: { error: (e as Error).message } };
  }
}
