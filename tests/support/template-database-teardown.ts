// Jest global teardown: removes the template that template-database-setup.ts made for this run.
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { TEMPLATE_DATABASE_ENV, TEMPLATE_DATA_DIR_ENV } from './template-database';

export default async function tearDownTemplateDatabase(): Promise<void> {
  const dataDir = process.env[TEMPLATE_DATA_DIR_ENV];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  const templateName = process.env[TEMPLATE_DATABASE_ENV];
  const serverUrl = process.env.DATABASE_URL;
  if (templateName && serverUrl) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
