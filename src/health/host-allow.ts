// Host header allow-list against DNS rebinding: a hostile page whose name resolves to our
// address sends its own name as Host, so only names we know are served. An IP literal or
// localhost cannot be rebound; any other name must be the configured public URL's host.
import net from 'node:net';

export function hostAllowed(hostHeader: string | undefined, publicUrl?: string): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.trim().toLowerCase();
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  if (net.isIP(name) || name === 'localhost') return true;
  if (!publicUrl) return false;
  try {
    const u = new URL(publicUrl);
    return host === u.host.toLowerCase() || name === u.hostname.toLowerCase();
  } catch {
    return false;
  }
}
