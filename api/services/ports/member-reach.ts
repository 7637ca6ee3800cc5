// The two ways, beside the bot's own chat, of reaching a member whom Teams says the app cannot write
// to: install the app for them (so a personal chat can be opened), and, where even that fails, an
// e-mail from the partnership's notice mailbox saying only that something waits in Teams. Graph
// implements both (api/graph/graph-member-reach.ts); the reminder delivery decides when to use them.

/** Whom to install the app for: an Entra identity in the tenant the app is registered in. */
export interface DirectoryUser {
  tenantId: string;
  entraObjectId: string;
}

export type InstallOutcome =
  /** Installed now, or it already was (Graph's 409): a personal chat can be opened. */
  | { kind: 'INSTALLED' }
  /** The organisation has not consented, or its policy does not allow the app for this person. */
  | { kind: 'REFUSED'; reason: string }
  /** The directory has no such user: they have left the organisation. */
  | { kind: 'USER_GONE' }
  /** Graph throttled the call past what one attempt should wait. */
  | { kind: 'THROTTLED'; retryAfterMs: number | null }
  | { kind: 'FAILED'; reason: string; retryable: boolean };

export interface TeamsAppInstaller {
  installForUser(user: DirectoryUser): Promise<InstallOutcome>;
}

/** What an e-mail notice may say: the kind of notice and how many, never a case, a person or an action's title. */
export interface MailNotice {
  kind:
    | 'NEW_ACTION'
    | 'ACTION_REMINDER'
    | 'WEEKLY_DIGEST'
    | 'MINUTES_DUE'
    | 'REFERRAL_WAITING'
    | 'REFERRAL_DECIDED'
    | 'MINUTES_READY'
    | 'AGENCY_NOTE';
  count: number;
  /** Where the app opens in Teams. */
  appLink: string;
}

export type MailOutcome = { kind: 'SENT' } | { kind: 'FAILED'; reason: string; retryable: boolean };

export interface NoticeMailer {
  sendNotice(to: { address: string; name: string }, notice: MailNotice): Promise<MailOutcome>;
}

/** Both, when the deployment has Graph; absent, delivery is by the bot alone. */
export interface MemberReach {
  /** The organisation Graph acts in: the app is installed for a member's identity there (a guest's, for a partner's officer). */
  tenantId: string;
  /** Where the app opens in Teams, for the e-mail to point at. */
  appLink: string;
  installer: TeamsAppInstaller;
  /** Absent when no notice mailbox is configured. */
  mailer: NoticeMailer | null;
}
