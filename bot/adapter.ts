// Builds the botbuilder CloudAdapter that checks every request to /api/messages carries a Bot
// Framework token meant for this bot, and that turns failures in a turn into a log line.
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type TurnContext,
} from 'botbuilder';
// botbuilder does not re-export these; CloudAdapter maps exactly this AuthenticationError class to 401.
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/** botbuilder's own configuration keys, so that its documentation applies as written. */
export interface BotAuthenticationSettings {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  ToBotFromChannelOpenIdMetadataUrl?: string;
  ToBotFromChannelTokenIssuer?: string;
  ToChannelFromBotLoginUrl?: string;
  ToChannelFromBotOAuthScope?: string;
}

export type BotLog = (event: string, fields: Record<string, string | number | boolean | undefined>) => void;

export interface BotAdapterOptions {
  log: BotLog;
  /** Defaults to process.env.NODE_ENV. */
  nodeEnv?: string;
}

export const SOMETHING_WENT_WRONG = 'Sorry, something went wrong on our side. Please try again in a moment.';

export function createBotAdapter(settings: BotAuthenticationSettings, options: BotAdapterOptions): CloudAdapter {
  const appId = settings.MicrosoftAppId?.trim() ?? '';
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  if (!appId && nodeEnv === 'production') {
    throw new Error(
      'MicrosoftAppId is not set: without it the bot accepts unauthenticated requests from anyone. ' +
        'Set the bot registration app id (and its password) to run in production.',
    );
  }
  if (appId && settings.MicrosoftAppType !== 'UserAssignedMSI' && !settings.MicrosoftAppPassword?.trim()) {
    throw new Error(
      'MicrosoftAppPassword is not set: the bot could check tokens but never answer. Set the client secret of MicrosoftAppId.',
    );
  }

  const authentication = new RefusingBotFrameworkAuthentication(
    withPublicCloudDefaults(settings),
    new ConfigurationServiceClientCredentialFactory({ ...settings, MicrosoftAppId: appId }),
    options.log,
  );
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = (context, error) => reportTurnFailure(context, error, options.log);
  return adapter;
}

/**
 * botbuilder switches to a fully custom cloud as soon as one endpoint setting is given, leaving
 * every other endpoint undefined; overriding only the inbound metadata (as tests and private
 * deployments do) would then break replies. Unset endpoints keep their public-cloud values.
 */
function withPublicCloudDefaults(settings: BotAuthenticationSettings): Record<string, string | undefined> {
  // Unset environment variables often arrive as empty strings.
  const given = (value: string | undefined): string | undefined => value?.trim() || undefined;
  const endpoints = {
    ToBotFromChannelOpenIdMetadataUrl: given(settings.ToBotFromChannelOpenIdMetadataUrl),
    ToBotFromChannelTokenIssuer: given(settings.ToBotFromChannelTokenIssuer),
    ToChannelFromBotLoginUrl: given(settings.ToChannelFromBotLoginUrl),
    ToChannelFromBotOAuthScope: given(settings.ToChannelFromBotOAuthScope),
  };
  if (!Object.values(endpoints).some(Boolean)) return { ...settings, ...endpoints };
  return {
    ...settings,
    ToBotFromChannelOpenIdMetadataUrl:
      endpoints.ToBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: endpoints.ToBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: endpoints.ToChannelFromBotLoginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: endpoints.ToChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * botbuilder lets signature, algorithm and audience failures from jsonwebtoken escape as plain
 * errors, which CloudAdapter answers with 500 and the error text; its own refusals answer 401 with
 * text naming the failed check. Every refusal becomes one bare 401 here and the detail goes to our
 * log. Only an unreachable key endpoint stays a 5xx, so that Bot Connector retries.
 */
class RefusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly log: BotLog;

  constructor(config: Record<string, string | undefined>, credentials: ConfigurationServiceClientCredentialFactory, log: BotLog) {
    super(config, credentials);
    this.log = log;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw this.refusal(error, { activityId: activity.id, channelId: activity.channelId });
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw this.refusal(error, { channelId: channelIdHeader });
    }
  }

  private refusal(error: unknown, ids: { activityId?: string; channelId?: string }): Error {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const keysUnavailable =
      (error instanceof AuthenticationError && error.statusCode >= 500) || (error instanceof Error && error.name === 'FetchError');
    this.log('bot.auth.rejected', { ...ids, reason, keysUnavailable });
    return keysUnavailable
      ? new Error('Bot Framework signing keys are unavailable')
      : new AuthenticationError('Unauthorized', StatusCodes.UNAUTHORIZED);
  }
}

// Message text, card values and exception messages can hold what a resident or officer wrote, so
// the log gets ids and the error's type only.
async function reportTurnFailure(context: TurnContext, error: unknown, log: BotLog): Promise<void> {
  const { activity } = context;
  const ids = {
    activityId: activity.id,
    activityType: activity.type,
    channelId: activity.channelId,
    conversationId: activity.conversation?.id,
    tenantId: activity.conversation?.tenantId,
  };
  log('bot.turn.failed', { ...ids, errorType: error instanceof Error ? error.name : typeof error, errorCode: errorCode(error) });
  if (activity.type !== ActivityTypes.Message) return;
  try {
    await context.sendActivity(SOMETHING_WENT_WRONG);
  } catch (sendError) {
    log('bot.turn.apology_failed', { ...ids, errorType: sendError instanceof Error ? sendError.name : typeof sendError });
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}
