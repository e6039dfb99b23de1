import type { Transport } from '../api/transport';

/** Implemented by request.weapp.ts and request.h5.ts; Taro picks the file of the platform being built. */
export declare const transport: Transport;
