// What start-up says is wrong with an environment: loadConfig's problems, or none.
import { ConfigurationError, loadConfig } from '../../api/config';

export function configProblemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}
