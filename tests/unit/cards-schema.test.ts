// Every card is checked by Microsoft's own Adaptive Cards SDK at schema 1.5, the highest Teams renders.
import { createRequire } from 'node:module';
import type * as AdaptiveCardsSdk from 'adaptivecards';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { everyCard } from './cards-fixtures';

// The package's ES module build does not load in Node; its UMD bundle does, without a DOM.
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsSdk;

interface SdkVerdict {
  parseEvents: string[];
  validationEvents: string[];
  reserialised: unknown;
}

function checkWithSdk(json: AdaptiveCard): SdkVerdict {
  const sdkCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  sdkCard.parse(json, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const validationEvents = sdkCard.validateProperties().validationEvents.map((event) => event.message);
  return { parseEvents, validationEvents, reserialised: sdkCard.toJSON(new AC.SerializationContext(AC.Versions.v1_5)) };
}

/**
 * Paths of properties the SDK dropped when writing the card back at 1.5: a property it does not know,
 * or one from a later schema version. Enum spellings differ in case ("medium" / "Medium"), and the
 * opaque `data` of an action is ours, so neither counts.
 */
function droppedProperties(sent: unknown, kept: unknown, path = ''): string[] {
  if (Array.isArray(sent)) {
    if (!Array.isArray(kept)) return sent.length > 0 ? [path] : [];
    return sent.flatMap((item, i) => droppedProperties(item, kept[i], `${path}[${i}]`));
  }
  if (sent === null || typeof sent !== 'object') return [];
  const keptObject = (kept ?? {}) as Record<string, unknown>;
  return Object.entries(sent as Record<string, unknown>).flatMap(([key, value]) => {
    if (key === 'data') return [];
    if (!(key in keptObject)) return [`${path}.${key}`];
    return droppedProperties(value, keptObject[key], `${path}.${key}`);
  });
}

describe('every card the app sends', () => {
  const cards = everyCard();

  it.each(cards)('%s parses with the Adaptive Cards SDK at 1.5 without errors or warnings', (_name, json) => {
    const verdict = checkWithSdk(json);
    expect(verdict.parseEvents).toEqual([]);
    expect(verdict.validationEvents).toEqual([]);
  });

  it.each(cards)('%s uses only properties schema 1.5 defines', (_name, json) => {
    const plainJson = JSON.parse(JSON.stringify(json)) as AdaptiveCard;
    expect(plainJson.version).toBe('1.5');
    expect(droppedProperties(plainJson, checkWithSdk(plainJson).reserialised)).toEqual([]);
  });

  it.each(cards)('%s stays well under the 28 KB Teams allows for a message', (_name, json) => {
    expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThan(16_000);
  });

  it('the check itself catches a property from schema 1.6 and an element Teams does not know', () => {
    const tooNew = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'x', label: 'x', labelPosition: 'inline' }],
    } as unknown as AdaptiveCard;
    const unknownElement = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel', pages: [] }] } as unknown as AdaptiveCard;
    const unknownProperty = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x', colour: 'good' }],
    } as unknown as AdaptiveCard;
    expect(checkWithSdk(tooNew).parseEvents.join()).toMatch(/labelPosition.*1\.6/);
    expect(checkWithSdk(unknownElement).parseEvents.join()).toMatch(/Unknown element type "Carousel"/);
    expect(droppedProperties(unknownProperty, checkWithSdk(unknownProperty).reserialised)).toEqual(['.body[0].colour']);
  });
});
