// Reading the --queue address: redis://[user:password@]host[:port][/db] or rediss://
// for TLS. Everything malformed is refused here, before any connection is tried, so
// a typo is reported as bad input rather than as an unreachable server.
//
// The password must never reach a message, and a malformed URL cannot be trusted to
// say where its password is (an unencoded '@', '/', '#' or '?' in it moves the
// parser's boundaries). So every message quotes redactUrl(text), which works on the
// raw characters before any parsing: everything up to the last '@' is credentials.

import { QueueInputError } from './errors.js';

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
export class QueueUrlError extends QueueInputError {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUrlError';
  }
}

/**
 * `text` with its credentials replaced by ***: everything between the scheme (if
 * any) and the last '@'. A user name is kept only when a ':' clearly separates it
 * from a password; a lone name may be a password typed without its colon.
 */
export function redactUrl(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  const start = scheme !== null && scheme[0].length <= at ? scheme[0].length : 0;
  const userinfo = text.slice(start, at);
  const colon = userinfo.indexOf(':');
  const user = colon > 0 && /^[A-Za-z0-9._~%-]+$/.test(userinfo.slice(0, colon)) ? userinfo.slice(0, colon) : '';
  return `${text.slice(0, start)}${user}${colon >= 0 || user !== '' ? ':' : ''}***${text.slice(at)}`;
}

const EXAMPLE = 'expected redis://host:port, e.g. redis://127.0.0.1:6379 (rediss:// for TLS, /N for database N)';

export function parseRedisUrl(text: string): RedisTarget {
  const raw = text.trim();
  const shown = redactUrl(raw);
  if (raw === '') throw new QueueUrlError(`--queue: empty; ${EXAMPLE}`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new QueueUrlError(`--queue "${shown}": no scheme; ${EXAMPLE}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // URL's own message ("Invalid URL") does not say what is wrong; the common causes are the port and the host.
    throw new QueueUrlError(`--queue "${shown}": not a valid URL (check the host and that the port is a number from 1 to 65535); ${EXAMPLE}`);
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme !== 'redis' && scheme !== 'rediss') throw new QueueUrlError(`--queue "${shown}": scheme ${scheme}:// is not Redis; ${EXAMPLE}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new QueueUrlError(`--queue "${shown}": no host; ${EXAMPLE}`);
  const port = url.port === '' ? 6379 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new QueueUrlError(`--queue "${shown}": port must be from 1 to 65535; ${EXAMPLE}`);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) throw new QueueUrlError(`--queue "${shown}": the path must be a database number (e.g. /0)`);
  if (url.search !== '' || url.hash !== '') throw new QueueUrlError(`--queue "${shown}": query strings and fragments are not supported; ${EXAMPLE}`);
  const db = path === '' ? 0 : Number(path);
  const target: RedisTarget = { host, port, db, tls: scheme === 'rediss', display: '' };
  try {
    if (url.username !== '') target.username = decodeURIComponent(url.username);
    if (url.password !== '') target.password = decodeURIComponent(url.password);
  } catch {
    throw new QueueUrlError(`--queue "${shown}": the user name or password has a malformed %-escape (write % as %25)`);
  }
  // A lone name is shown as *** too (see redactUrl).
  const auth = url.password !== '' ? `${url.username}:***@` : url.username !== '' ? '***@' : '';
  target.display = `${scheme}://${auth}${url.host}${db !== 0 ? `/${db}` : ''}`;
  return target;
}
