import { performance } from 'node:perf_hooks';
import { pledgePdfOf } from '../../functions/src/api/pledge-export/pledge-pdf.js';
import { pledgePngOf } from '../../functions/src/api/pledge-export/pledge-png.js';
import type { SignedPledge } from '../../functions/src/app/read-signed-pledge.js';
import { currentPledgeText } from '../../functions/src/domain/pledge-texts.js';
import { drawnSignature } from '../../tests/support/signature-png.js';
import { median, ms } from './timing.js';

/**
 * R8, issue 11: what one signed pledge's download costs the API function: the first PDF and PNG of a fresh process
 * (font and WebAssembly loaded, subset built) and the median of the next ones, with their sizes. Run with
 * `node --import tsx scripts/bench/pledge-documents.ts`.
 */
const RUNS = 9;
const zeros = '0'.repeat(64);
const pledge: SignedPledge = {
  text: currentPledgeText(),
  signerName: '马骏',
  signerRole: 'volunteer',
  signature: {
    userId: 'bench-volunteer',
    organizationId: 'bench-org',
    version: currentPledgeText().id,
    textHash: zeros,
    typedName: '马骏',
    signaturePng: drawnSignature().toString('base64'),
    imageHash: zeros,
    signedAt: '2026-12-01T02:00:00.000Z',
    client: { platform: 'h5' },
    seal: zeros,
  },
};

async function measure(name: string, render: () => Promise<Uint8Array>): Promise<void> {
  let started = performance.now();
  const first = await render();
  const cold = performance.now() - started;
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    started = performance.now();
    await render();
    warm.push(performance.now() - started);
  }
  console.log(`${name}: first ${ms(cold)}, then median ${ms(median(warm))} (${RUNS} runs), ${(first.byteLength / 1024).toFixed(1)} KiB`);
}

await measure('PDF', () => pledgePdfOf(pledge));
await measure('PNG', () => pledgePngOf(pledge));
