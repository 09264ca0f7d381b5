// Reading the --queue address: redis://[user:password@]host[:port][/db] or rediss://
// for TLS. Everything malformed is refused here, before any connection is tried, so
// a typo is reported as bad input rather than as an unreachable server.

/** Where to connect, parsed from the URL. */
export interface RedisTarget {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL without its password, for messages. */
  display: string;
}

/** A --queue value that is not a usable Redis URL (the CLI reports it as bad input). */
export class QueueUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUrlError';
  }
}

const EXAMPLE = 'expected redis://host:port, e.g. redis://127.0.0.1:6379 (rediss:// for TLS, /N for database N)';

export function parseRedisUrl(text: string): RedisTarget {
  const raw = text.trim();
  if (raw === '') throw new QueueUrlError(`--queue: empty; ${EXAMPLE}`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new QueueUrlError(`--queue "${text}": no scheme; ${EXAMPLE}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // URL's own message ("Invalid URL") does not say what is wrong; the common causes are the port and the host.
    throw new QueueUrlError(`--queue "${text}": not a valid URL (check the host and that the port is a number from 1 to 65535); ${EXAMPLE}`);
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme !== 'redis' && scheme !== 'rediss') throw new QueueUrlError(`--queue "${text}": scheme ${scheme}:// is not Redis; ${EXAMPLE}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new QueueUrlError(`--queue "${text}": no host; ${EXAMPLE}`);
  const port = url.port === '' ? 6379 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new QueueUrlError(`--queue "${text}": port must be from 1 to 65535; ${EXAMPLE}`);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) throw new QueueUrlError(`--queue "${text}": the path must be a database number (e.g. /0), got "/${path}"`);
  if (url.search !== '' || url.hash !== '') throw new QueueUrlError(`--queue "${text}": query strings and fragments are not supported; ${EXAMPLE}`);
  const db = path === '' ? 0 : Number(path);
  const target: RedisTarget = { host, port, db, tls: scheme === 'rediss', display: '' };
  if (url.username !== '') target.username = decodeURIComponent(url.username);
  if (url.password !== '') target.password = decodeURIComponent(url.password);
  const auth = url.username !== '' ? `${url.username}${url.password !== '' ? ':***' : ''}@` : url.password !== '' ? ':***@' : '';
  target.display = `${scheme}://${auth}${url.host}${db !== 0 ? `/${db}` : ''}`;
  return target;
}
