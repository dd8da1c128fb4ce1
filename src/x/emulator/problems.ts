// Error bodies exactly as X sends them (copied from real responses), so the client's
// error mapping is tested against the wording it will meet in production.

export interface ProblemBody {
  title: string;
  type: string;
  detail?: string;
  status?: number;
  errors?: Array<{ message: string; parameters?: Record<string, string[]> }>;
  [key: string]: unknown;
}

export interface HttpProblem {
  status: number;
  body: ProblemBody;
}

const generic = (status: number, title: string, detail = title): HttpProblem => ({
  status,
  body: { title, detail, type: 'about:blank', status },
});

export const unauthorized = (): HttpProblem => generic(401, 'Unauthorized');
export const tooManyRequests = (): HttpProblem => generic(429, 'Too Many Requests');
export const internalError = (): HttpProblem => generic(500, 'Internal Server Error');
export const serviceUnavailable = (): HttpProblem => generic(503, 'Service Unavailable');

export const duplicateContent = (): HttpProblem =>
  generic(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');

export const replyRestricted = (): HttpProblem =>
  generic(
    403,
    'Forbidden',
    'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
  );

export const replyTargetGone = (): HttpProblem =>
  generic(403, 'Forbidden', 'You attempted to reply to a Tweet that is deleted or not visible to you.');

/** Any other 403 X gives on one post (X's wordings vary; tests pick them). */
export const forbidden = (r: { detail: string; title?: string; type?: string }): HttpProblem => ({
  status: 403,
  body: { title: r.title ?? 'Forbidden', detail: r.detail, type: r.type ?? 'about:blank', status: 403 },
});

/** An app-only bearer token on a user-context endpoint (X's wording, two spaces included). */
export const unsupportedAuthentication = (): HttpProblem => ({
  status: 403,
  body: {
    title: 'Unsupported Authentication',
    detail:
      'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
    type: 'https://api.twitter.com/2/problems/unsupported-authentication',
    status: 403,
  },
});

/** The pay-per-use monthly cap: a 429 while the 15-minute window still has room. */
export const usageCapExceeded = (): HttpProblem => ({
  status: 429,
  body: {
    title: 'UsageCapExceeded',
    detail: 'Usage cap exceeded: Monthly product cap',
    type: 'https://api.twitter.com/2/problems/usage-capped',
    period: 'Monthly',
    scope: 'Product',
  },
});

/** No credits left on a pay-per-use account. */
export const paymentRequired = (): HttpProblem => ({
  status: 402,
  body: {
    title: 'Payment Required',
    detail: 'Your enrolled account does not have any credits to fulfill this request.',
    type: 'about:blank',
    status: 402,
  },
});

/** X's 400 for bad parameters: a problem with one `errors` entry per bad parameter. */
export function invalidRequest(message: string, parameters?: Record<string, string[]>): HttpProblem {
  return {
    status: 400,
    body: {
      errors: [parameters ? { parameters, message } : { message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  };
}

export const tweetTooLong = (): HttpProblem =>
  invalidRequest(
    'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
  );

export const notFound = (): HttpProblem => generic(404, 'Not Found', 'The requested resource was not found.');

/** A user id that does not exist: X answers 200 with a resource-not-found entry. */
export function userNotFound(id: string): { errors: ProblemBody[] } {
  return {
    errors: [
      {
        value: id,
        detail: `Could not find user with id: [${id}].`,
        title: 'Not Found Error',
        resource_type: 'user',
        parameter: 'id',
        resource_id: id,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    ],
  };
}
