import type { VisitLocation } from '../../../functions/src/domain/visit';

/**
 * Where the phone is, for a check-in (wx.getLocation / browser geolocation), or null when the worker refused or
 * the phone could not tell: the visit is then recorded with its location missing, never blocked.
 */
export declare function getVisitLocation(): Promise<VisitLocation | null>;
