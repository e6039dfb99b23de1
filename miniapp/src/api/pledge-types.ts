import type { z } from 'zod';
import type { ownPledgeSchema, ownSignatureSchema, pledgeRosterSchema } from '../../../functions/src/api/pledge-schemas';
import type { SignPledgeInput } from '../../../functions/src/domain/pledge';

/** Issue 11, R8: the pledge as the API answers it (types only: no zod in the bundle). */
export type OwnPledge = z.infer<typeof ownPledgeSchema>;
export type OwnPledgeSignature = z.infer<typeof ownSignatureSchema>;
export type PledgeRoster = z.infer<typeof pledgeRosterSchema>;
export type PledgeRosterEntry = PledgeRoster['entries'][number];
export type { SignPledgeInput };
export type PledgeDocumentFormat = 'pdf' | 'png';
