import { regionSchema, type Region } from '../domain/region.js';
import { regionKey, regionParentIndexKey, stripKeys } from './keys.js';

export function regionItem(region: Region): Record<string, unknown> {
  return { ...regionKey(region.id), ...regionParentIndexKey(region.parentId, region.id), entity: 'region', ...region };
}

export function regionFromItem(item: Record<string, unknown>): Region {
  return regionSchema.parse(stripKeys(item));
}
