// Where the tab runs: inside a Teams (or Microsoft 365) host, which answers teams-js, or a plain
// browser tab for local use. Everything that calls teams-js lives here.
import { app, authentication, pages } from '@microsoft/teams-js';

export interface TeamsHost {
  kind: 'teams';
  /** `content`, `sidePanel`, `settings`, `meetingStage`, ... */
  frameContext: string;
  theme: string;
  /** Set when the tab is opened in a meeting (side panel, meeting chat tab, details tab). */
  meetingId?: string;
  /** The page a deep link asked for (its subEntityId), when the tab was opened from one. */
  subPageId?: string;
  onThemeChange(handler: (theme: string) => void): void;
  getAuthToken(): Promise<string>;
}

export interface BrowserHost {
  kind: 'browser';
}

export type Host = TeamsHost | BrowserHost;

// A host that frames the tab but never answers is not Teams; do not wait for it forever.
const INITIALISE_TIMEOUT_MS = 5000;

function isFramedOrOpened(): boolean {
  return window.parent !== window || window.opener !== null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error('The host did not answer')), ms);
    promise.then(
      (value) => {
        window.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        window.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Connects to Teams when the tab is framed by it; in a top-level window teams-js would only fail. */
export async function connectToHost(): Promise<Host> {
  if (!isFramedOrOpened()) return { kind: 'browser' };
  try {
    await withTimeout(app.initialize(), INITIALISE_TIMEOUT_MS);
    const context = await app.getContext();
    app.notifySuccess();
    return {
      kind: 'teams',
      frameContext: String(context.page.frameContext),
      theme: context.app.theme,
      meetingId: context.meeting?.id,
      subPageId: context.page.subPageId,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      getAuthToken: () => authentication.getAuthToken(),
    };
  } catch {
    return { kind: 'browser' };
  }
}

export interface TabConfiguration {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** The configuration page of a configurable tab: Teams enables Save once the choice is valid. */
export function offerTabConfiguration(configuration: TabConfiguration): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig({ ...configuration, websiteUrl: configuration.contentUrl })
      .then(() => saveEvent.notifySuccess())
      .catch((error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)));
  });
  pages.config.setValidityState(true);
}
