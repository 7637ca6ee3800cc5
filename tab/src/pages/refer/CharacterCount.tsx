// GOV.UK's character count under a long text box: how many characters are left, or how many too many.
// Announced politely, and only once typing pauses, so a screen reader is not interrupted at each key.
import { useEffect, useState } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // Read out by screen readers, not shown: the caption above already shows the same words.
  spoken: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

const ANNOUNCE_AFTER_MS = 1000;

export function characterCountText(length: number, max: number): string {
  const left = max - length;
  if (left >= 0) return `You have ${left.toLocaleString('en-GB')} ${left === 1 ? 'character' : 'characters'} remaining`;
  return `You have ${(-left).toLocaleString('en-GB')} ${left === -1 ? 'character' : 'characters'} too many`;
}

export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const styles = useStyles();
  const text = characterCountText(length, max);
  const [announced, setAnnounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(text), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <>
      <Caption1 id={id} className={length > max ? styles.over : undefined}>
        {text}
      </Caption1>
      <span className={styles.spoken} aria-live="polite">
        {announced}
      </span>
    </>
  );
}
