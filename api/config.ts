// Configuration is read once at start-up from the environment, validated, and frozen. A bad value
// stops the process with a message that names the variable; production refuses unsafe defaults.
import path from 'node:path';
import { z } from 'zod';

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
});

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
  if (values.MicrosoftAppId && !values.MicrosoftAppPassword && values.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
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
  });
}
