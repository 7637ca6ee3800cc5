// The member directory over Microsoft Graph: GET /users with $filter=startswith(...) on the name,
// mail and sign-in address (Graph's default query capabilities, no ConsistencyLevel header needed).
import type { DirectoryPerson, MemberDirectory } from '../services/ports/member-directory';
import { createGraphCaller, type GraphCallerOptions } from './graph-caller';

export interface GraphMemberDirectoryOptions extends GraphCallerOptions {
  /** The tenant the app's Graph token is for: every person found is in it. */
  tenantId: string;
}

interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  userType?: string | null;
}

/** An OData string literal: a single quote is written twice. */
const odataString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function startsWithFilter(text: string): string {
  const literal = odataString(text);
  return ['displayName', 'mail', 'userPrincipalName'].map((property) => `startswith(${property},${literal})`).join(' or ');
}

export function createGraphMemberDirectory(options: GraphMemberDirectoryOptions): MemberDirectory {
  const graph = createGraphCaller(options);
  return {
    async findPeople(text, limit) {
      const answer = (await graph.send('listUsers', {}, undefined, (request) =>
        request
          .filter(startsWithFilter(text))
          .select(['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'userType'])
          .top(limit),
      )) as { value?: GraphUser[] };
      return (answer.value ?? []).map((user): DirectoryPerson => ({
        tenantId: options.tenantId.toLowerCase(),
        entraObjectId: user.id.toLowerCase(),
        displayName: user.displayName ?? user.userPrincipalName ?? user.id,
        email: user.mail ?? null,
        userPrincipalName: user.userPrincipalName ?? '',
        jobTitle: user.jobTitle ?? null,
        isGuest: user.userType === 'Guest',
      }));
    },
  };
}
