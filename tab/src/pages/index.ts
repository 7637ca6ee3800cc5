// Every page of the tab, in navigation order. Add a page with one line here and a folder
// pages/<name>/ whose main file default-exports a component taking PageProps (tab/README.md).
import { definePage, type PageDefinition } from '../router/pages';

export const PAGES: readonly PageDefinition[] = [
  definePage({ path: '', title: 'Home', load: () => import('./home/HomePage'), navigation: true }),
  definePage({ path: 'audit', title: 'Audit trail', load: () => import('./audit/AuditTrailPage'), navigation: (member) => member.capabilities.includes('audit.read') }),
  definePage({ path: 'retention', title: 'Retention review', load: () => import('./retention/RetentionPage'), navigation: (member) => member.capabilities.includes('retention.manage') }),
  definePage({ path: 'configure', title: 'Set up ASB Panels', load: () => import('./configure/ConfigurePage') }),
];
