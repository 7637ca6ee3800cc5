// Where the run's migrated template database is, as the Jest global set-up tells the test workers.

/** On PGlite: the folder holding the template's dumped data directories, `migrated.tar` and `empty.tar`. */
export const TEMPLATE_DATA_DIR_ENV = 'ASB_TEST_TEMPLATE_DATA_DIR';
/** On PostgreSQL: the name of the template database on the DATABASE_URL server. */
export const TEMPLATE_DATABASE_ENV = 'ASB_TEST_TEMPLATE_DATABASE';

/** The same server and credentials as `serverUrl`, another database. */
export function databaseUrlNamed(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
