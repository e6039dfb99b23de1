import { beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError } from '../../functions/src/domain/errors.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { createTestTable } from '../support/dynamodb.js';
import { createRegions, makeUser, regions } from './fixtures.js';

let repositories: Repositories;

beforeAll(async () => {
  ({ repositories } = await createTestTable('people'));
});

describe('users', () => {
  it('reads back a created user by id and by WeChat openid', async () => {
    // Prepare
    const user = makeUser('u-1', { wechatOpenId: 'oAbC-123_openid' });

    // Act
    await repositories.users.create(user);

    // Assess
    expect(await repositories.users.get('u-1')).toEqual(user);
    expect(await repositories.users.findByWechatOpenId('oAbC-123_openid')).toEqual(user);
    expect(await repositories.users.findByWechatOpenId('unknown-openid')).toBeNull();
    expect(await repositories.users.get('u-unknown')).toBeNull();
  });

  it('creates a user without an openid, who then cannot be found by any openid', async () => {
    // Act
    await repositories.users.create(makeUser('u-no-wechat'));

    // Assess
    expect(await repositories.users.get('u-no-wechat')).not.toBeNull();
  });

  it('refuses a second user with a taken id (field id) and keeps the first', async () => {
    // Prepare
    await repositories.users.create(makeUser('u-2', { name: '第一' }));

    // Act
    const attempt = repositories.users.create(makeUser('u-2', { name: '第二', wechatOpenId: 'fresh-openid' }));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(attempt).rejects.toMatchObject({ field: 'id' });
    expect((await repositories.users.get('u-2'))?.name).toBe('第一');
    expect(await repositories.users.findByWechatOpenId('fresh-openid')).toBeNull();
  });

  it('refuses a second account bound to a taken openid (field wechatOpenId) and writes nothing', async () => {
    // Prepare
    await repositories.users.create(makeUser('u-3', { wechatOpenId: 'shared-openid' }));

    // Act
    const attempt = repositories.users.create(makeUser('u-4', { wechatOpenId: 'shared-openid' }));

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'ALREADY_EXISTS', field: 'wechatOpenId' });
    expect(await repositories.users.get('u-4')).toBeNull();
    expect((await repositories.users.findByWechatOpenId('shared-openid'))?.id).toBe('u-3');
  });

  it('lets only one of two concurrent claims of one openid succeed', async () => {
    // Act
    const results = await Promise.allSettled([
      repositories.users.create(makeUser('u-race-a', { wechatOpenId: 'race-openid' })),
      repositories.users.create(makeUser('u-race-b', { wechatOpenId: 'race-openid' })),
    ]);

    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const owner = await repositories.users.findByWechatOpenId('race-openid');
    expect(['u-race-a', 'u-race-b']).toContain(owner?.id);
  });
});

describe('regions', () => {
  beforeAll(async () => {
    await createRegions(repositories);
  });

  it('reads a region by id and lists the regions directly under a parent', async () => {
    // Act
    const towns = await repositories.regions.listChildrenOf('d1');

    // Assess
    expect(await repositories.regions.get('t1')).toEqual(regions.find((r) => r.id === 't1'));
    expect(towns.map((r) => r.id).sort()).toEqual(['t1', 't10', 't2']);
    expect(await repositories.regions.listChildrenOf('v1')).toEqual([]);
  });

  it('refuses a region with a taken id', async () => {
    // Act
    const attempt = repositories.regions.create({ id: 't1', level: 'town', name: '重复', parentId: 'd1' });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AlreadyExistsError);
    expect((await repositories.regions.get('t1'))?.name).toBe('叶榭镇');
  });
});

describe('organizations', () => {
  it('reads back a created organization and refuses its id a second time', async () => {
    // Prepare
    const organization = { id: 'org-1', name: '松江区阳光社工服务社', districtId: 'd1' };
    await repositories.organizations.create(organization);

    // Act
    const again = repositories.organizations.create({ ...organization, name: '另一家' });

    // Assess
    await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await repositories.organizations.get('org-1')).toEqual(organization);
    expect(await repositories.organizations.get('org-unknown')).toBeNull();
  });
});
