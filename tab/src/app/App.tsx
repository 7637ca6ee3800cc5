// Connects to the host, follows its theme, signs in, then shows the pages.
import { useEffect, useState } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { SessionGate } from '../session/session';
import { TabRoutes } from '../router/tab-router';
import { routeOfSubPageId } from '../teams/deep-link';
import { connectToHost, type Host } from '../teams/host';
import { FLUENT_THEMES, themeFromTeams, themeOverride, type ThemeName } from '../theme/theme';
import { Loading } from '../components/Loading';

export function App() {
  const override = themeOverride(window.location.search);
  const [host, setHost] = useState<Host | null>(null);
  const [theme, setTheme] = useState<ThemeName>(override ?? 'light');

  useEffect(() => {
    let current = true;
    connectToHost().then((connected) => {
      if (!current) return;
      // Opened from a deep link (a card's "Finish in the tab"): show the page it names instead of the tab's own.
      const linked = connected.kind === 'teams' ? routeOfSubPageId(connected.subPageId) : null;
      if (linked) window.history.replaceState(null, '', `#/${linked}`);
      setHost(connected);
      if (connected.kind === 'teams' && !override) {
        setTheme(themeFromTeams(connected.theme));
        connected.onThemeChange((teamsTheme) => setTheme(themeFromTeams(teamsTheme)));
      }
    });
    return () => {
      current = false;
    };
  }, [override]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [theme]);

  return (
    <FluentProvider theme={FLUENT_THEMES[theme]}>
      {host ? (
        <SessionGate host={host}>
          <TabRoutes />
        </SessionGate>
      ) : (
        <main>
          <Loading label="Starting ASB Panels" />
        </main>
      )}
    </FluentProvider>
  );
}
