// The organisation's directory, where the partnership admin finds the people to add as members.

/** A person as the directory holds them, in the tenant the app is registered in. */
export interface DirectoryPerson {
  tenantId: string;
  entraObjectId: string;
  displayName: string;
  email: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  /** A partner agency's officer invited into the host organisation (Entra "Guest" user type). */
  isGuest: boolean;
}

export interface MemberDirectory {
  /** People whose name, e-mail or sign-in address starts with `text`, at most `limit` of them. */
  findPeople(text: string, limit: number): Promise<DirectoryPerson[]>;
  /** The person with this object id, or null when the directory does not hold them. */
  findPerson(entraObjectId: string): Promise<DirectoryPerson | null>;
}
