// The part of the Adaptive Card schema 1.5 our cards use, as plain JSON types: the highest version
// Teams renders, and plain JSON so the cards outlive botbuilder (conventions.md, "The Teams edge").

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: Spacing;
  style?: 'heading';
  id?: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  spacing?: Spacing;
  separator?: boolean;
  id?: string;
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch' | string;
  verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: Spacing;
  separator?: boolean;
}

interface InputBase {
  id: string;
  label: string;
  isRequired?: boolean;
  /** Shown by the client when its own check fails; server-side errors are shown as TextBlocks too. */
  errorMessage?: string;
  spacing?: Spacing;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  value?: string;
  min?: string;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  value?: string;
  /** Absent means a drop-down ('compact', the default); 'expanded' shows radio buttons. */
  style?: 'expanded';
  placeholder?: string;
}

export type CardInput = TextInput | DateInput | ChoiceSetInput;

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: Spacing;
}

export type CardElement = TextBlock | FactSet | Container | ColumnSet | CardInput | ActionSet;

/** Universal Actions: Teams sends an `adaptiveCard/action` invoke carrying `verb` and `data`. */
export interface ExecuteAction {
  type: 'Action.Execute';
  verb: string;
  title?: string;
  data?: Record<string, unknown>;
  /** 'none' for buttons that must not send the card's inputs (e.g. a refresh). */
  associatedInputs?: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: InnerCard;
}

/** A ShowCard's card: no schema line or version of its own, it inherits the outer card's. */
export interface InnerCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions: CardAction[];
}

/** Opens a link: in Teams, a deep link to the app's tab opens inside Teams rather than a browser. */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = ExecuteAction | ShowCardAction | OpenUrlAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /**
   * Teams re-asks the bot for the card when it is shown to one of `userIds` (Teams user ids, "29:..."),
   * so each of them sees the view meant for them; everyone else sees the card as sent.
   */
  refresh?: { action: ExecuteAction; userIds?: string[] };
  fallbackText?: string;
}

/** Teams refreshes a card for at most 60 named users; beyond that it ignores the list entirely. */
export const REFRESH_USER_LIMIT = 60;

/**
 * A Universal Actions refresh for the named users (no refresh for nobody). The caller lists the users
 * who most need their own view first; past Teams' limit the rest see the card as sent.
 */
export function refreshFor(action: ExecuteAction, userIds: readonly string[]): AdaptiveCard['refresh'] {
  const distinct = [...new Set(userIds)];
  return distinct.length > 0 ? { action, userIds: distinct.slice(0, REFRESH_USER_LIMIT) } : undefined;
}

export function card(body: CardElement[], extra: Partial<Pick<AdaptiveCard, 'actions' | 'refresh' | 'fallbackText'>> = {}): AdaptiveCard {
  const built: AdaptiveCard = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
  if (extra.refresh) built.refresh = extra.refresh;
  if (extra.actions && extra.actions.length > 0) built.actions = extra.actions;
  if (extra.fallbackText) built.fallbackText = extra.fallbackText;
  return built;
}

export function innerCard(body: CardElement[], actions: CardAction[]): InnerCard {
  return { type: 'AdaptiveCard', body, actions };
}

export function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' };
}

export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function facts(entries: readonly (readonly [string, string | null | undefined])[]): FactSet {
  return {
    type: 'FactSet',
    facts: entries.filter((entry): entry is readonly [string, string] => Boolean(entry[1])).map(([title, value]) => ({ title, value })),
  };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function execute(
  verb: string,
  title: string,
  data: Record<string, unknown>,
  options: Pick<ExecuteAction, 'associatedInputs' | 'style'> = {},
): ExecuteAction {
  return { type: 'Action.Execute', verb, title, data: { ...data }, ...options };
}
