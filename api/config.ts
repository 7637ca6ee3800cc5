// Configuration is read once at start-up from the environment, validated, and frozen. A bad value
// stops the process with a message that names the variable; production refuses unsafe defaults.
import path from 'node:path';
import { z } from 'zod';
import { WEEKDAYS, type Weekday } from './domain/agenda/calendar-date';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './domain/reminders/policy';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  HOST: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: optionalText,
  SEED_DEMO_DATA: booleanText.optional(),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ToBotFromChannelOpenIdMetadataUrl: optionalText,
  ToBotFromChannelTokenIssuer: optionalText,
  ToChannelFromBotLoginUrl: optionalText,
  ToChannelFromBotOAuthScope: optionalText,
  ENTRA_CLIENT_ID: optionalText,
  ENTRA_ALLOWED_TENANTS: optionalText,
  ENTRA_OPENID_METADATA_URL: optionalText.pipe(z.url().optional()),
  BOOTSTRAP_ADMIN_UPN: optionalText.pipe(z.email('must be the user principal name (sign-in address) of the first admin').optional()),
  BOOTSTRAP_ADMIN_TENANT_ID: optionalText.pipe(z.guid('must be a GUID, the tenant id of the first admin’s own organisation').optional()),
  BOOTSTRAP_ADMIN_OBJECT_ID: optionalText.pipe(z.guid('must be a GUID, the first admin’s Entra object id').optional()),
  PUBLIC_BASE_URL: optionalText.pipe(z.url().optional()),
  TEAMS_APP_ID: optionalText.pipe(z.guid('must be a GUID, the Teams app id in the manifest').optional()),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  REMINDER_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // The reminder policy's bounds are the domain's (checkReminderPolicy); the defaults are its defaults.
  REMINDER_DAYS_BEFORE_DUE: z.coerce.number().int().min(0).max(365).default(DEFAULT_REMINDER_POLICY.daysBeforeDue),
  REMINDER_ON_DUE_DAY: booleanText.default(DEFAULT_REMINDER_POLICY.onDueDay),
  REMINDER_OVERDUE_EVERY_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_REMINDER_POLICY.overdueEveryDays),
  REMINDER_ESCALATE_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_REMINDER_POLICY.escalateAfterDaysOverdue),
  REMINDER_DIGEST_WEEKDAY: z.enum(WEEKDAYS as readonly [Weekday, ...Weekday[]]).default(DEFAULT_REMINDER_POLICY.digestWeekday),
  GRAPH_BASE_URL: optionalText.pipe(z.url().optional()),
  NOTICE_MAILBOX: optionalText.pipe(z.email('must be the e-mail address of the shared mailbox notices are sent from').optional()),
  ENTRA_AUTHORITY_HOST: optionalText.pipe(z.url().optional()),
  GRAPH_PANEL_MAILBOX: optionalText.pipe(
    z.union([z.guid(), z.email()], { error: 'must be the panel mailbox’s Entra object id or its address' }).optional(),
  ),
  TEAMS_CATALOG_APP_ID: optionalText.pipe(z.guid('must be a GUID, the app’s id in the organisation’s Teams app catalogue').optional()),
  // Graph's own app registration, for a council that keeps the bot's apart from the one granted
  // Graph permissions (or runs the bot on a managed identity); by default Graph uses the bot's.
  GRAPH_CLIENT_ID: optionalText.pipe(
    z.guid('must be a GUID, the client id of the app registration granted the Graph permissions').optional(),
  ),
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_TENANT_ID: optionalText.pipe(z.guid('must be a GUID, the tenant that granted the Graph permissions').optional()),
});

export const DEFAULT_OPENID_METADATA_URL = 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_ENTRA_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  logLevel: string;
  database: { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };
  /** Fill an empty database with the fictional demo partnership at start-up. */
  seedDemoDataWhenEmpty: boolean;
  bot: {
    MicrosoftAppId: string;
    MicrosoftAppPassword: string;
    MicrosoftAppTenantId: string;
    MicrosoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    ToBotFromChannelOpenIdMetadataUrl?: string | undefined;
    ToBotFromChannelTokenIssuer?: string | undefined;
    ToChannelFromBotLoginUrl?: string | undefined;
    ToChannelFromBotOAuthScope?: string | undefined;
  };
  /**
   * How the tab and REST API know who is calling: Teams SSO tokens from Entra ID, or (local use
   * only, never in production) an explicit development sign-in as a demo member.
   */
  signIn:
    | {
        mode: 'entra';
        clientId: string;
        allowedTenants: string[];
        openIdMetadataUrl: string;
        /**
         * Who sets up an empty deployment: on first sign-in this person creates the partnership and
         * becomes its first admin. Without it an empty deployment refuses everyone.
         */
        bootstrapAdmin?: BootstrapAdmin | undefined;
      }
    | { mode: 'development' };
  /** Origins allowed to call the API from a browser: our own. */
  allowedOrigins: string[];
  /** Requests per signed-in member per minute. */
  rateLimitPerMinute: number;
  /** Per client address on the routes before sign-in: enough for people, too few to enumerate members. */
  signInRateLimitPerMinute: number;
  /**
   * Microsoft Graph (with its version) and the Entra host its app-only tokens come from; tests point
   * both at loopback fakes. The app's own credentials are the bot's (MicrosoftAppId and friends).
   */
  graph: {
    baseUrl: string;
    authorityHost: string;
    /** The shared panel mailbox that organises the Teams events the app creates (object id or address). */
    panelMailbox: string | null;
    /** The app's id in the tenant's app catalogue (not the manifest id): to install it in meeting chats. */
    catalogAppId: string | null;
    /** The shared mailbox e-mail notices come from when Teams cannot reach someone; null, no e-mail. */
    noticeMailbox: string | null;
    /** The app registration whose client credentials Graph tokens are asked with; null, no Graph. */
    credentials: GraphCredentials | null;
  };
  /** How often the reminder worker looks for reminders due; each instance polls on its own. */
  reminderPollMs: number;
  /** When owners are reminded, when the chair is told, and the weekday of the digest. */
  reminderPolicy: ReminderPolicy;
  /** Where cards link into the tab: a Teams deep link with the app id, else the public tab address. */
  tabLinks: TabLinks;
}

export interface GraphCredentials {
  clientId: string;
  clientSecret: string;
  /** The home tenant that granted the permissions: app-only tokens come from it. */
  tenantId: string;
}

/**
 * The first admin, named at deployment. Always within one tenant (the deployment's home tenant):
 * a sign-in address alone is not enough, because any allowed partner tenant could issue a token
 * carrying the same preferred_username. The object id, when given, is the stronger match.
 */
export interface BootstrapAdmin {
  tenantId: string;
  upn?: string | undefined;
  objectId?: string | undefined;
}

export interface TabLinks {
  teamsAppId: string | null;
  publicBaseUrl: string | null;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    // Name the variable and the rule, never the value: it may be a secret.
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const problems: string[] = [];
  const production = values.NODE_ENV === 'production';
  if (production && !values.DATABASE_URL) {
    problems.push('DATABASE_URL: required in production (the embedded database is for local use and tests)');
  }
  if (production && !values.MicrosoftAppId) {
    problems.push('MicrosoftAppId: required in production (without it the bot endpoint accepts unauthenticated traffic)');
  }
  if (production && !values.ENTRA_CLIENT_ID) {
    problems.push('ENTRA_CLIENT_ID: required in production (without it the tab offers the development sign-in)');
  }
  const allowedTenants = (values.ENTRA_ALLOWED_TENANTS ?? '')
    .split(',')
    .map((tenant) => tenant.trim())
    .filter(Boolean);
  if (values.ENTRA_CLIENT_ID && allowedTenants.length === 0) {
    problems.push('ENTRA_ALLOWED_TENANTS: required when ENTRA_CLIENT_ID is set (comma-separated tenant ids)');
  }
  const bootstrapAdminNamed = Boolean(values.BOOTSTRAP_ADMIN_UPN || values.BOOTSTRAP_ADMIN_OBJECT_ID);
  if (bootstrapAdminNamed && !values.ENTRA_CLIENT_ID) {
    const variable = values.BOOTSTRAP_ADMIN_UPN ? 'BOOTSTRAP_ADMIN_UPN' : 'BOOTSTRAP_ADMIN_OBJECT_ID';
    problems.push(`${variable}: needs ENTRA_CLIENT_ID (the first admin is recognised by their Entra sign-in)`);
  }
  if (bootstrapAdminNamed && values.ENTRA_CLIENT_ID && !values.BOOTSTRAP_ADMIN_TENANT_ID) {
    problems.push(
      'BOOTSTRAP_ADMIN_TENANT_ID: required with BOOTSTRAP_ADMIN_UPN or BOOTSTRAP_ADMIN_OBJECT_ID (the first admin’s own tenant id)',
    );
  }
  if (values.BOOTSTRAP_ADMIN_TENANT_ID && !bootstrapAdminNamed) {
    problems.push(
      'BOOTSTRAP_ADMIN_TENANT_ID: needs BOOTSTRAP_ADMIN_UPN or BOOTSTRAP_ADMIN_OBJECT_ID (who, in that tenant, is the first admin)',
    );
  }
  const bootstrapTenant = values.BOOTSTRAP_ADMIN_TENANT_ID?.toLowerCase();
  if (bootstrapTenant && values.ENTRA_CLIENT_ID && !allowedTenants.some((tenant) => tenant.toLowerCase() === bootstrapTenant)) {
    problems.push('BOOTSTRAP_ADMIN_TENANT_ID: must be one of ENTRA_ALLOWED_TENANTS (the first admin has to be able to sign in)');
  }
  if (production && !values.PUBLIC_BASE_URL) {
    problems.push('PUBLIC_BASE_URL: required in production (the https:// address Teams loads the tab from)');
  }
  if (values.MicrosoftAppId && !values.MicrosoftAppPassword && values.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  const graphSettings = [values.GRAPH_CLIENT_ID, values.GRAPH_CLIENT_SECRET, values.GRAPH_TENANT_ID];
  if (graphSettings.some(Boolean) && !graphSettings.every(Boolean)) {
    problems.push('GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and GRAPH_TENANT_ID: set all three, or none to use the bot’s registration');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  const database: AppConfig['database'] = values.DATABASE_URL
    ? { kind: 'postgresql', url: values.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(values.DATA_DIR ?? path.join('.data', 'pglite')) };

  return Object.freeze({
    nodeEnv: values.NODE_ENV,
    port: values.PORT,
    // Listen on loopback unless told otherwise outside production: demo data stays on this machine.
    host: values.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    logLevel: values.LOG_LEVEL,
    database,
    seedDemoDataWhenEmpty: values.SEED_DEMO_DATA ?? database.kind === 'pglite',
    bot: {
      MicrosoftAppId: values.MicrosoftAppId ?? '',
      MicrosoftAppPassword: values.MicrosoftAppPassword ?? '',
      MicrosoftAppTenantId: values.MicrosoftAppTenantId ?? '',
      MicrosoftAppType: values.MicrosoftAppType,
      ToBotFromChannelOpenIdMetadataUrl: values.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromChannelTokenIssuer: values.ToBotFromChannelTokenIssuer,
      ToChannelFromBotLoginUrl: values.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: values.ToChannelFromBotOAuthScope,
    },
    signIn: values.ENTRA_CLIENT_ID
      ? {
          mode: 'entra' as const,
          clientId: values.ENTRA_CLIENT_ID,
          allowedTenants,
          openIdMetadataUrl: values.ENTRA_OPENID_METADATA_URL ?? DEFAULT_OPENID_METADATA_URL,
          bootstrapAdmin: bootstrapTenant
            ? {
                tenantId: bootstrapTenant,
                upn: values.BOOTSTRAP_ADMIN_UPN?.toLowerCase(),
                objectId: values.BOOTSTRAP_ADMIN_OBJECT_ID?.toLowerCase(),
              }
            : undefined,
        }
      : { mode: 'development' as const },
    allowedOrigins: values.PUBLIC_BASE_URL ? [new URL(values.PUBLIC_BASE_URL).origin] : [],
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    signInRateLimitPerMinute: values.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    reminderPollMs: values.REMINDER_POLL_SECONDS * 1000,
    reminderPolicy: {
      daysBeforeDue: values.REMINDER_DAYS_BEFORE_DUE,
      onDueDay: values.REMINDER_ON_DUE_DAY,
      overdueEveryDays: values.REMINDER_OVERDUE_EVERY_DAYS,
      escalateAfterDaysOverdue: values.REMINDER_ESCALATE_AFTER_DAYS,
      digestWeekday: values.REMINDER_DIGEST_WEEKDAY,
    },
    tabLinks: { teamsAppId: values.TEAMS_APP_ID ?? null, publicBaseUrl: values.PUBLIC_BASE_URL ?? null },
    graph: {
      baseUrl: values.GRAPH_BASE_URL ?? DEFAULT_GRAPH_BASE_URL,
      authorityHost: values.ENTRA_AUTHORITY_HOST ?? DEFAULT_ENTRA_AUTHORITY_HOST,
      panelMailbox: values.GRAPH_PANEL_MAILBOX ?? null,
      catalogAppId: values.TEAMS_CATALOG_APP_ID ?? null,
      noticeMailbox: values.NOTICE_MAILBOX ?? null,
      credentials: graphCredentialsOf(values),
    },
  });
}

function graphCredentialsOf(values: z.infer<typeof environmentSchema>): GraphCredentials | null {
  if (values.GRAPH_CLIENT_ID && values.GRAPH_CLIENT_SECRET && values.GRAPH_TENANT_ID) {
    return { clientId: values.GRAPH_CLIENT_ID, clientSecret: values.GRAPH_CLIENT_SECRET, tenantId: values.GRAPH_TENANT_ID };
  }
  const { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId } = values;
  return MicrosoftAppId && MicrosoftAppPassword && MicrosoftAppTenantId
    ? { clientId: MicrosoftAppId, clientSecret: MicrosoftAppPassword, tenantId: MicrosoftAppTenantId }
    : null;
}
