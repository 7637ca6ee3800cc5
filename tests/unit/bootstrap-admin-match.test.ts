// Who may set up an empty deployment: the configured person, in the deployment's own tenant only.
import type { BootstrapAdmin } from '../../api/config';
import { isBootstrapAdmin, type SignedInPerson } from '../../api/services/first-run';

const HOME = '3c9d2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PARTNER = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const ADMIN_OID = 'a0000000-0000-4000-8000-00000000ad01';
const OTHER_OID = 'a0000000-0000-4000-8000-00000000ad02';
const UPN = 'asb.coordinator@council.example';

const byUpn: BootstrapAdmin = { tenantId: HOME, upn: UPN };
const byObjectId: BootstrapAdmin = { tenantId: HOME, upn: UPN, objectId: ADMIN_OID };

const person = (tenantId: string, objectId: string, upn?: string): SignedInPerson => ({ tenantId, objectId, upn });

describe('recognising the bootstrap admin', () => {
  test.each<[string, SignedInPerson, BootstrapAdmin | undefined, boolean]>([
    ['the named address in the home tenant', person(HOME, OTHER_OID, 'Asb.Coordinator@COUNCIL.example'), byUpn, true],
    ['the named address from a partner tenant', person(PARTNER, ADMIN_OID, UPN), byUpn, false],
    ['the home tenant with another address', person(HOME, ADMIN_OID, 'someone.else@council.example'), byUpn, false],
    ['a token without any address', person(HOME, ADMIN_OID), byUpn, false],
    ['the configured object id in the home tenant', person(HOME, ADMIN_OID.toUpperCase(), 'renamed@council.example'), byObjectId, true],
    ['the named address with another object id, once the object id is configured', person(HOME, OTHER_OID, UPN), byObjectId, false],
    ['the configured object id from a partner tenant', person(PARTNER, ADMIN_OID, UPN), byObjectId, false],
    ['anyone when nobody is configured', person(HOME, ADMIN_OID, UPN), undefined, false],
  ])('%s', (_case, who, configured, expected) => {
    expect(isBootstrapAdmin(who, configured)).toBe(expected);
  });
});
