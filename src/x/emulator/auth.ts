// Who may call the emulator: `Authorization: Bearer <its token>`, or any OAuth 1.0a header.
// OAuth 1.0a signatures are not checked (the emulator has no app secrets to check them
// with); the header only has to be well formed, so real-X credentials work unchanged.

export function isAuthorized(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (bearer) return bearer[1] === token;
  if (/^OAuth\s/i.test(header)) {
    return ['oauth_consumer_key', 'oauth_signature', 'oauth_nonce', 'oauth_timestamp'].every((k) =>
      new RegExp(`${k}="[^"]+"`).test(header),
    );
  }
  return false;
}
