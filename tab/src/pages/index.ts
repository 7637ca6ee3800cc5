// Every page of the tab, in navigation order. Add a page with one line here and a folder
// pages/<name>/ whose main file default-exports a component taking PageProps (tab/README.md).
import { definePage, type PageDefinition } from '../router/pages';

export const PAGES: readonly PageDefinition[] = [
  definePage({ path: '', title: 'Home', load: () => import('./home/HomePage'), navigation: true }),
  // The chair's cycle first: decide referrals, then run the meetings.
  definePage({
    path: 'referrals',
    title: 'Referral triage',
    load: () => import('./triage/TriagePage'),
    navigation: (member) => member.capabilities.includes('referral.decide'),
  }),
  definePage({
    path: 'meetings',
    title: 'Meetings',
    load: () => import('./meetings/MeetingsPage'),
    navigation: (member) => member.capabilities.includes('meeting.attend'),
  }),
  definePage({
    path: 'actions',
    title: 'Outstanding actions',
    load: () => import('./actions/ActionsPage'),
    navigation: (member) => member.capabilities.includes('action.assign'),
  }),
  definePage({ path: 'actions/:actionId', title: 'Action', load: () => import('./action/ActionPage') }),
  definePage({
    path: 'my-actions',
    title: 'My actions',
    load: () => import('./my-actions/MyActionsPage'),
    navigation: (member) => member.capabilities.includes('action.work'),
  }),
  definePage({ path: 'cases/:caseId', title: 'Case', load: () => import('./case/CasePage') }),
  definePage({
    path: 'dashboard',
    title: 'Governance figures',
    load: () => import('./dashboard/DashboardPage'),
    navigation: (member) => member.capabilities.includes('governance.read'),
  }),
  definePage({
    path: 'places',
    title: 'Places',
    load: () => import('./places/PlacesPage'),
    navigation: (member) => member.capabilities.includes('governance.read'),
  }),
  definePage({
    path: 'audit',
    title: 'Audit trail',
    load: () => import('./audit/AuditTrailPage'),
    navigation: (member) => member.capabilities.includes('audit.read'),
  }),
  definePage({
    path: 'retention',
    title: 'Retention review',
    load: () => import('./retention/RetentionPage'),
    navigation: (member) => member.capabilities.includes('retention.manage'),
  }),
  // Admin pages: one line each, admins only.
  definePage({
    path: 'admin/agencies',
    title: 'Agencies',
    load: () => import('./admin/AgenciesPage'),
    navigation: (member) => member.capabilities.includes('agency.manage'),
  }),
  definePage({
    path: 'admin/members',
    title: 'Members',
    load: () => import('./admin/MembersPage'),
    navigation: (member) => member.capabilities.includes('member.manage'),
  }),
  definePage({
    path: 'admin/panels',
    title: 'Panels',
    load: () => import('./admin/PanelsPage'),
    navigation: (member) => member.capabilities.includes('panel.manage'),
  }),
  definePage({
    path: 'admin/templates',
    title: 'Risk templates',
    load: () => import('./admin-templates/TemplatesPage'),
    navigation: (member) => member.capabilities.includes('riskTemplate.manage'),
  }),
  definePage({
    path: 'admin/settings',
    title: 'Partnership settings',
    load: () => import('./admin-settings/SettingsPage'),
    navigation: (member) => member.capabilities.includes('partnership.configure'),
  }),
  definePage({
    path: 'admin/import',
    title: 'Import',
    load: () => import('./import/ImportPage'),
    navigation: (member) => member.capabilities.includes('import.run'),
  }),
  definePage({ path: 'configure', title: 'Set up ASB Panels', load: () => import('./configure/ConfigurePage') }),
  definePage({
    path: 'refer',
    title: 'Refer',
    load: () => import('./refer/ReferPage'),
    navigation: (member) => member.capabilities.includes('referral.create'),
  }),
  definePage({ path: 'referrals/:referralId', title: 'Refer', load: () => import('./refer/ReferPage') }),
  definePage({ path: 'meeting', title: 'Panel meeting', load: () => import('./meeting-side-panel/MeetingLookupPage') }),
  definePage({ path: 'meetings/:meetingId/minutes', title: 'Minutes', load: () => import('./minutes/MinutesPage') }),
  definePage({ path: 'meetings/:meetingId', title: 'Meeting agenda', load: () => import('./meeting-agenda/MeetingAgendaPage') }),
  definePage({
    path: 'meetings/:meetingId/side-panel',
    title: 'Panel meeting',
    load: () => import('./meeting-side-panel/MeetingSidePanelPage'),
  }),
];
