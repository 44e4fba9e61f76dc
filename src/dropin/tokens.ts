/**
 * kafka-delegation-tokens.sh (org.apache.kafka.tools.DelegationTokenCommand), drop-in: `ktool tokens
 * --bootstrap-server B --command-config F --create|--renew|--expire|--describe ...`. Its checks and
 * lines byte for byte: the "Calling ... operation" line, the token table (%-15s %-30s ... with a blank
 * line before each row) and its dates (yyyy-MM-dd'T'HH:mm, local time), the renew/expire line without
 * a newline. The original prints the HMAC in the table (describe too) and echoes it in renew/expire's
 * first line: so does this spelling (ktool's own `tokens describe/renew/expire` never show it). A
 * failure: its message on stderr, exit 1.
 */
import type { Context } from '../cli/context.js';
import { KtoolError } from '../errors.js';
import type { DelegationToken, Principal } from '../kafka/tokens-types.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';

const switchOf = (name: string, unsupported?: string): JoptOption => ({ name, value: false, unsupported });
const valued = (name: string): JoptOption => ({ name, value: true });
const optional = (name: string): JoptOption => ({ name, value: true, optional: true });

export const TOKENS_OPTIONS: readonly JoptOption[] = [
  valued('bootstrap-server'),
  valued('command-config'),
  switchOf('create'),
  switchOf('describe'),
  switchOf('expire'),
  optional('expiry-time-period'),
  switchOf('help', 'see ktool tokens --help'),
  optional('hmac'),
  optional('max-life-time-period'),
  optional('owner-principal'),
  switchOf('renew'),
  optional('renew-time-period'),
  optional('renewer-principal'),
  switchOf('version'),
];

/** What the original fails with after parsing (a Throwable's message on stderr, exit 1). */
class Failed extends Error {}

const ACTIONS = ['create', 'renew', 'expire', 'describe'] as const;
type Action = (typeof ACTIONS)[number];

/** The actions' required and forbidden options (DelegationTokenCommandOptions.checkArgs). */
const REQUIRED: Record<Action, string[]> = {
  create: ['max-life-time-period'],
  renew: ['hmac', 'renew-time-period'],
  expire: ['hmac', 'expiry-time-period'],
  describe: [],
};
const INVALID: Record<Action, string[]> = {
  create: ['hmac', 'renew-time-period', 'expiry-time-period'],
  renew: ['renewer-principal', 'max-life-time-period', 'expiry-time-period', 'owner-principal'],
  expire: ['renew', 'max-life-time-period', 'renew-time-period', 'owner-principal'],
  describe: ['renew-time-period', 'max-life-time-period', 'hmac', 'expiry-time-period'],
};

function checkArgs(o: JoptResult): Action {
  const given = ACTIONS.filter((a) => has(o, a));
  if (given.length !== 1) throw new UsageExit('Command must include exactly one action: --create, --renew, --expire or --describe');
  const action = given[0];
  for (const name of ['bootstrap-server', 'command-config', ...REQUIRED[action]])
    if (!has(o, name)) throw new UsageExit(`Missing required argument "[${name}]"`);
  // checkInvalidArgs runs for every action given: with one action, only its own set applies.
  for (const name of INVALID[action]) if (has(o, name)) throw new UsageExit(`Option "[${action}]" can't be used with option "[${name}]"`);
  return action;
}

/** OptionSet.valueOf of an optional-argument Long: null when left out (unboxing it fails), jopt's message when not a number. */
function long(o: JoptResult, name: string): number {
  const v = valueOf(o, name);
  if (v === undefined || v === '') throw new Failed('null');
  if (!/^[+-]?\d+$/.test(v) || BigInt(v) > 2n ** 63n - 1n || BigInt(v) < -(2n ** 63n))
    throw new Failed(`Cannot parse argument '${v}' of option ${name}`);
  return Number(v);
}

/** getPrincipals: every value, trimmed, parsed as TYPE:NAME (SecurityUtils.parseKafkaPrincipal: split at the first colon). */
function principals(o: JoptResult, name: string): Principal[] {
  return (o.values.get(name) ?? []).map((raw) => {
    if (raw === '') throw new Failed('null');
    const text = raw.trim();
    if (!text.includes(':')) throw new Failed(`expected a string in format principalType:principalName but got ${text}`);
    return text;
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
/** SimpleDateFormat("yyyy-MM-dd'T'HH:mm") in the JVM's (here the process's) time zone. */
export function javaMinute(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const list = (items: string[]) => `[${items.join(', ')}]`;
const row = (cells: string[]) => {
  const widths = [15, 30, 15, 15, 25, 15, 15, 15];
  return `\n${cells.map((c, i) => c.padEnd(widths[i])).join(' ')}\n`;
};

/** printToken: the header, then each token, each line after a blank one. */
export function tokenTable(tokens: DelegationToken[]): string {
  const head = row(['TOKENID', 'HMAC', 'OWNER', 'REQUESTER', 'RENEWERS', 'ISSUEDATE', 'EXPIRYDATE', 'MAXDATE']);
  return (
    head +
    tokens
      .map((t) =>
        row([
          t.tokenId,
          t.hmac.toString('base64'),
          t.owner,
          t.requester,
          list(t.renewers),
          javaMinute(t.issueTimestamp),
          javaMinute(t.expiryTimestamp),
          javaMinute(t.maxTimestamp),
        ]),
      )
      .join('')
  );
}

/** Base64.getDecoder().decode: the basic alphabet, padding optional but not wrong. */
function decode(hmac: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(hmac) || hmac.replace(/=+$/, '').length % 4 === 1)
    throw new Failed(`Illegal base64 character in ${JSON.stringify(hmac)}`.replace(/"/g, ''));
  return Buffer.from(hmac, 'base64');
}

async function act(action: Action, o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  if (action === 'create') {
    const renewers = principals(o, 'renewer-principal');
    const maxLifetimeMs = long(o, 'max-life-time-period');
    await out.stdout(`Calling create token operation with renewers :${list(renewers)} , max-life-time-period :${maxLifetimeMs}\n`);
    const owner = principals(o, 'owner-principal')[0];
    const token = await (await ctx.kafka()).tokens().then((api) => api.create({ renewers, maxLifetimeMs, ...(owner ? { owner } : {}) }));
    await out.stdout(`Created delegation token with tokenId : ${token.tokenId}\n${tokenTable([token])}`);
  } else if (action === 'renew' || action === 'expire') {
    const hmac = valueOf(o, 'hmac') || 'null';
    const period = long(o, action === 'renew' ? 'renew-time-period' : 'expiry-time-period');
    await out.stdout(`Calling ${action} token operation with hmac :${hmac} , ${action}-time-period :${period}\n`);
    if (hmac === 'null' && !valueOf(o, 'hmac')) throw new Failed('null');
    const api = await (await ctx.kafka()).tokens();
    const expiry = action === 'renew' ? await api.renew(decode(hmac), period) : await api.expire(decode(hmac), period);
    await out.stdout(`Completed ${action} operation. New expiry date : ${javaMinute(expiry)}`);
  } else {
    const owners = principals(o, 'owner-principal');
    await out.stdout(
      owners.length
        ? `Calling describe token operation for owners: ${list(owners)}\n`
        : 'Calling describe token operation for current user.\n',
    );
    // No owner: an empty list, as the original sends, which a broker answers with no token.
    const tokens = await (await ctx.kafka()).tokens().then((api) => api.describe(owners));
    await out.stdout(`Total number of tokens : ${tokens.length}${tokenTable(tokens)}`);
  }
}

export const TOKENS: DropinScript = {
  script: 'kafka-delegation-tokens.sh',
  options: TOKENS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  async run(o, ctx, out) {
    const action = checkArgs(o);
    try {
      await act(action, o, ctx, out);
      return 0;
    } catch (error) {
      if (!(error instanceof Failed || error instanceof KtoolError)) throw error;
      await out.stderr(`${error.message}\n`);
      return 1;
    }
  },
};
