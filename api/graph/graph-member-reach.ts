// The member-reach ports over Microsoft Graph: installing the app in a member's personal scope
// (Graph's "add app for user"; 409 means it already is), and an e-mail notice sent from the
// partnership's notice mailbox. The e-mail's wording is drawn here from the notice's kind and count
// alone, so no case, person or action can reach an inbox.
import type { DirectoryUser, InstallOutcome, MailNotice, MailOutcome, MemberReach } from '../services/ports/member-reach';
import { catalogAppReference, createGraphCaller, type GraphCallerOptions } from './graph-caller';
import { GraphCallError } from './teams-meetings-gateway';

export interface GraphMemberReachOptions extends GraphCallerOptions {
  /** The tenant the app's Graph token is for. */
  tenantId: string;
  /** Where the app opens in Teams (https://teams.microsoft.com/l/app/<manifest id>). */
  appLink: string;
  /** The app's id in the organisation's Teams app catalogue (not the manifest id, for an app published to the org). */
  teamsAppCatalogId: string;
  /** The shared mailbox notices are sent from (UPN or object id); none, no e-mail fallback. */
  noticeMailbox: string | null;
}

const NOTICE_WORDING: Record<MailNotice['kind'], (count: number) => string> = {
  NEW_ACTION: (count) => (count === 1 ? 'A new action has been assigned to you' : `${count} new actions have been assigned to you`),
  ACTION_REMINDER: (count) => (count === 1 ? 'One of your actions needs your attention' : `${count} of your actions need your attention`),
  WEEKLY_DIGEST: () => 'Your weekly summary of open actions is ready',
  MINUTES_DUE: () => 'Panel minutes are waiting for your approval',
  REFERRAL_WAITING: () => 'A referral to your panel is waiting for your decision',
  REFERRAL_DECIDED: () => 'The panel has decided on your referral',
  MINUTES_READY: () => 'Approved panel minutes are ready for you to read',
  AGENCY_NOTE: () => 'A panel chair has sent you a note about your agency’s actions',
};

/** Subject and body of an e-mail notice: what kind, how many, and where to look; nothing else. */
export function noticeEmail(notice: MailNotice): { subject: string; content: string } {
  const headline = NOTICE_WORDING[notice.kind](notice.count);
  return {
    subject: `ASB Panels: ${headline.charAt(0).toLowerCase()}${headline.slice(1)}`,
    content: [
      `${headline} in ASB Panels.`,
      '',
      'We could not reach you in Microsoft Teams, so this e-mail says only that something is waiting. It holds no case details by design.',
      `Open ASB Panels in Teams to see it: ${notice.appLink}`,
      '',
      'If the app will not open for you, ask your partnership administrator to check that it is available to you in Teams.',
    ].join('\n'),
  };
}

function installOutcomeOf(error: unknown): InstallOutcome {
  if (!(error instanceof GraphCallError)) throw error;
  if (error.status === 409) return { kind: 'INSTALLED' };
  switch (error.kind) {
    case 'NOT_FOUND':
      return { kind: 'USER_GONE' };
    case 'THROTTLED':
      return { kind: 'THROTTLED', retryAfterMs: error.retryAfterMs };
    case 'REFUSED':
      return { kind: 'REFUSED', reason: `The organisation did not let the app be installed for this person (${error.summary}).` };
    default:
      return { kind: 'FAILED', reason: error.summary, retryable: error.retryable };
  }
}

export function createGraphMemberReach(options: GraphMemberReachOptions): MemberReach {
  const graph = createGraphCaller(options);
  const catalogApp = catalogAppReference(options.baseUrl, options.teamsAppCatalogId);
  const { noticeMailbox } = options;
  return {
    tenantId: options.tenantId,
    appLink: options.appLink,
    installer: {
      async installForUser(user: DirectoryUser): Promise<InstallOutcome> {
        try {
          await graph.send('installAppForUser', { user: user.entraObjectId }, { 'teamsApp@odata.bind': catalogApp });
          return { kind: 'INSTALLED' };
        } catch (error) {
          return installOutcomeOf(error);
        }
      },
    },
    mailer: noticeMailbox
      ? {
          async sendNotice(to, notice): Promise<MailOutcome> {
            const { subject, content } = noticeEmail(notice);
            try {
              await graph.send(
                'sendMail',
                { mailbox: noticeMailbox },
                {
                  message: {
                    subject,
                    body: { contentType: 'Text', content },
                    toRecipients: [{ emailAddress: { address: to.address, name: to.name } }],
                  },
                  saveToSentItems: false,
                },
              );
              return { kind: 'SENT' };
            } catch (error) {
              if (!(error instanceof GraphCallError)) throw error;
              return { kind: 'FAILED', reason: error.summary, retryable: error.retryable };
            }
          },
        }
      : null,
  };
}
