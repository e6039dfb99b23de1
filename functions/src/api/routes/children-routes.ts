import { childDetailSchema } from '../../domain/child-views.js';
import { assignTeamInputSchema, createChildInputSchema, updateChildInputSchema } from '../../domain/child.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import {
  childCountQuerySchema,
  childIdParamsSchema,
  childListResponseSchema,
  childSearchQuerySchema,
  filterVillageListSchema,
} from '../schemas.js';
import { childCountSchema } from '../visit-schemas.js';

/** The children resource as OpenAPI routes; the handlers are in children.ts. */
const security = [{ bearerAuth: [] }];
const detailContent = { 'application/json': { schema: childDetailSchema } };

export const listChildrenRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '儿童名单（按角色与辖区，分页，个人信息脱敏；可按姓名搜索，按村、风险等级、类别筛选）',
  description: [
    'q：儿童姓名包含的文字（与写入时相同的文字规范化）。只搜索儿童姓名：各角色在名单中都能看到完整的儿童姓名；',
    '监护人姓名、住址、身份证号在名单中脱敏，不参与搜索，搜索不会泄露被遮住的字。',
    'villageId：须在本人辖区内，否则 403（不存在的村同样 403）；监护人和社工只在自己的儿童中筛选。',
    'riskLevel、category：监护人不可用（403），他们看不到分级和类别。',
    '筛选时一页可能少于 limit 条而仍有 nextCursor：读取到达单页上限，继续用 nextCursor 取下一页。',
  ].join(''),
  security,
  request: { query: childSearchQuerySchema },
  responses: {
    200: { description: '一页儿童', content: { 'application/json': { schema: childListResponseSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const countChildrenRoute = defineRoute({
  method: 'get',
  path: '/count',
  summary: '可查看的儿童人数（只计数，不读取档案；与名单相同的搜索和筛选）',
  security,
  request: { query: childCountQuerySchema },
  responses: {
    200: { description: '人数', content: { 'application/json': { schema: childCountSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const filterVillagesRoute = defineRoute({
  method: 'get',
  path: '/villages',
  summary: '名单可按哪些村（居）筛选：辖区内的村（居），社工为其儿童所在的村（居），监护人为空',
  security,
  responses: {
    200: { description: '村（居）及所属镇（街道）', content: { 'application/json': { schema: filterVillageListSchema } } },
    ...problemResponses(401, 403),
  },
});

export const getChildRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  summary: '儿童详情（每次读取均记录审计）',
  security,
  request: { params: childIdParamsSchema },
  responses: {
    200: { description: '儿童详情（按角色隐藏字段）', content: detailContent },
    ...problemResponses(400, 401, 404),
  },
});

export const createChildRoute = defineRoute({
  method: 'post',
  path: '/',
  summary: '登记儿童',
  security,
  request: { body: { content: { 'application/json': { schema: createChildInputSchema } }, required: true } },
  responses: {
    201: { description: '已登记', content: detailContent },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export const updateChildRoute = defineRoute({
  method: 'patch',
  path: '/{id}',
  summary: '修改儿童信息（带版本号；无权修改的字段整体拒绝）',
  security,
  request: {
    params: childIdParamsSchema,
    body: { content: { 'application/json': { schema: updateChildInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已修改', content: detailContent },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const assignTeamRoute = defineRoute({
  method: 'put',
  path: '/{id}/team',
  summary: '指定执行团队（督导员、儿童主任、社工；更换社工须说明理由，R1）',
  security,
  request: {
    params: childIdParamsSchema,
    body: { content: { 'application/json': { schema: assignTeamInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已指定', content: detailContent },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});
