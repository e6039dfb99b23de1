import { statusViewOf, type ConcernStatusView } from '../domain/concern.js';
import { NotFoundError } from '../domain/errors.js';
import { normaliseTrackingCode } from '../domain/tracking-code.js';
import type { ConcernStatusPorts } from './concern-ports.js';

/** What the reporter may see with their code (R17): the status and the closing feedback, nothing else. */
export async function concernStatus(ports: ConcernStatusPorts, typedCode: string): Promise<ConcernStatusView> {
  const code = normaliseTrackingCode(typedCode);
  const concern = code === null ? null : await ports.concerns.findByTrackingHash(ports.concernKeys.hashOf(code));
  if (concern === null) throw new NotFoundError('没有找到这个查询码对应的报告，请核对后再试', 'trackingCode');
  return statusViewOf(concern);
}
