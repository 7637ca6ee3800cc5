// The member directory over Microsoft Graph: GET /users with $filter=startswith(...) on the name,
// mail and sign-in address (Graph's default query capabilities, no ConsistencyLevel header needed),
// and GET /users/{id} to read again the one person the admin chose.
import type { DirectoryPerson, MemberDirectory } from '../services/ports/member-directory';
import { createGraphCaller, type GraphCallerOptions } from './graph-caller';
import { GraphCallError } from './teams-meetings-gateway';

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

const USER_PROPERTIES = ['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'userType'];

export function createGraphMemberDirectory(options: GraphMemberDirectoryOptions): MemberDirectory {
  const graph = createGraphCaller(options);
  const personOf = (user: GraphUser): DirectoryPerson => ({
    tenantId: options.tenantId.toLowerCase(),
    entraObjectId: user.id.toLowerCase(),
    displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    email: user.mail ?? null,
    userPrincipalName: user.userPrincipalName ?? '',
    jobTitle: user.jobTitle ?? null,
    isGuest: user.userType === 'Guest',
  });
  return {
    async findPeople(text, limit) {
      const answer = (await graph.send('listUsers', {}, undefined, (request) =>
        request.filter(startsWithFilter(text)).select(USER_PROPERTIES).top(limit),
      )) as { value?: GraphUser[] };
      return (answer.value ?? []).map(personOf);
    },
    async findPerson(entraObjectId) {
      try {
        const user = (await graph.send('getUser', { user: entraObjectId }, undefined, (request) =>
          request.select(USER_PROPERTIES),
        )) as GraphUser;
        return personOf(user);
      } catch (error) {
        if (error instanceof GraphCallError && error.kind === 'NOT_FOUND') return null;
        throw error;
      }
    },
  };
}
