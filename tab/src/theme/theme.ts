// The three Teams themes and how the tab picks one: a `?theme=` override (plain browser, tests),
// else the theme Teams reports, else light.
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';

export const FLUENT_THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams says `default`, `dark` or `contrast` (and `glass` in newer hosts, which is a light theme). */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

export function themeOverride(search: string): ThemeName | null {
  const asked = new URLSearchParams(search).get('theme');
  if (asked === 'light' || asked === 'default') return 'light';
  if (asked === 'dark' || asked === 'contrast') return asked;
  return null;
}
