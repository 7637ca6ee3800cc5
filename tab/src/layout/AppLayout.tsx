// The frame of every signed-in page: skip link, banner with who is signed in, navigation, and the
// main region. It reflows from the ~320 px meeting side panel to a full-width tab.
import { useRef, type MouseEvent } from 'react';
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Outlet, useMatches } from 'react-router';
import { PAGES } from '../pages';
import { isInNavigation } from '../router/pages';
import type { RouteHandle } from '../router/tab-router';
import { useSession } from '../session/session';
import { DevBanner } from './DevBanner';
import { Navigation } from './Navigation';

const NARROW = '@media (max-width: 599px)';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  skipLink: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    padding: tokens.spacingHorizontalS,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ':focus': { top: tokens.spacingVerticalS, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  banner: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  identity: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  partnership: { [NARROW]: { display: 'none' } },
  main: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    ':focus': { outline: 'none' },
    [NARROW]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
});

export function AppLayout() {
  const styles = useStyles();
  const { member, switchMember } = useSession();
  const main = useRef<HTMLElement>(null);
  const currentPage = (useMatches().at(-1)?.handle as RouteHandle | undefined)?.page ?? undefined;
  const navigationPages = PAGES.filter((page) => isInNavigation(page, member));

  // A plain #main href would be read as a route, so the skip link moves focus itself.
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <div className={styles.root}>
      <a className={styles.skipLink} href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className={styles.banner}>
        <div className={styles.identity}>
          <Text weight="semibold" size={400}>
            ASB Panels
          </Text>
          <Caption1 className={styles.partnership}>{member.partnership.name}</Caption1>
          <Caption1>
            Signed in as {member.displayName}, {member.agency.name}
          </Caption1>
        </div>
        {switchMember && <DevBanner member={member} onSwitch={switchMember} />}
      </header>
      <Navigation pages={navigationPages} currentPage={currentPage} />
      <main id="main-content" ref={main} tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
